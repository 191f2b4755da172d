//! Outgoing email. With an SMTP server configured (`IEY_SMTP_URL`) mail goes out
//! through it; without one each message is written to an outbox folder and logged,
//! so a fresh install works and a developer can follow the links by hand.

use std::path::PathBuf;

use lettre::message::header::ContentType;
use lettre::message::{Mailbox, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::{AppError, DomainResult};

/// One plain-text email to one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    /// The recipient's address.
    pub to: String,
    /// The subject line.
    pub subject: String,
    /// The body, plain text.
    pub text: String,
}

/// Where mail goes.
enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Outbox(PathBuf),
}

/// Sends mail from the site, and knows the site's public address for links.
pub struct Mailer {
    transport: Transport,
    from: Mailbox,
    site_url: String,
}

/// Why the mail settings could not be used.
#[derive(Debug, thiserror::Error)]
pub enum MailConfigError {
    /// `IEY_SMTP_URL` is not a valid SMTP URL.
    #[error("IEY_SMTP_URL is not a valid SMTP URL: {0}")]
    SmtpUrl(#[from] lettre::transport::smtp::Error),
    /// `IEY_MAIL_FROM` is not a valid address.
    #[error("IEY_MAIL_FROM is not a valid address: {0}")]
    From(#[from] lettre::address::AddressError),
}

impl Mailer {
    /// A mailer over SMTP when `smtp_url` is given (e.g. `smtp://127.0.0.1:2525` or
    /// `smtps://user:pass@host`), else one that writes to `outbox`. Links in mail
    /// start with `site_url`.
    pub fn new(
        smtp_url: Option<&str>,
        outbox: PathBuf,
        from: &str,
        site_url: &str,
    ) -> Result<Self, MailConfigError> {
        let transport = match smtp_url {
            Some(url) => {
                Transport::Smtp(AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?.build())
            }
            None => Transport::Outbox(outbox),
        };
        Ok(Self {
            transport,
            from: from.parse()?,
            site_url: site_url.trim_end_matches('/').to_owned(),
        })
    }

    /// The full URL of `path` (which starts with `/`) on this site.
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.site_url)
    }

    /// Sends `mail`. Failures are logged with their cause and reported as
    /// [`AppError::Internal`]; the caller decides whether that stops its work.
    pub async fn send(&self, mail: Mail) -> DomainResult<()> {
        let message = self.message(&mail)?;
        match &self.transport {
            Transport::Smtp(smtp) => {
                smtp.send(message).await.map_err(|error| {
                    tracing::error!(%error, to = %mail.to, subject = %mail.subject, "SMTP send failed");
                    AppError::Internal
                })?;
                tracing::info!(to = %mail.to, subject = %mail.subject, "mail sent");
            }
            Transport::Outbox(dir) => {
                let path = dir.join(format!(
                    "{}-{}.eml",
                    chrono::Utc::now().format("%Y%m%dT%H%M%S%.6f"),
                    crate::accounts::random_token().get(..8).unwrap_or("mail")
                ));
                let written = async {
                    tokio::fs::create_dir_all(dir).await?;
                    tokio::fs::write(&path, message.formatted()).await
                };
                written.await.map_err(|error| {
                    tracing::error!(%error, path = %path.display(), "could not write to the mail outbox");
                    AppError::Internal
                })?;
                tracing::info!(to = %mail.to, subject = %mail.subject, path = %path.display(),
                    "no SMTP server configured: mail written to the outbox");
            }
        }
        Ok(())
    }

    fn message(&self, mail: &Mail) -> DomainResult<Message> {
        let to: Mailbox = mail.to.parse().map_err(|error| {
            tracing::error!(%error, to = %mail.to, "mail to an invalid address");
            AppError::Internal
        })?;
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_PLAIN)
                    .body(mail.text.clone()),
            )
            .map_err(|error| {
                tracing::error!(%error, "could not build a mail");
                AppError::Internal
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn without_smtp_mail_lands_in_the_outbox_readable() {
        let dir =
            std::env::temp_dir().join(format!("iey-outbox-{}", crate::accounts::random_token()));
        let mailer = Mailer::new(
            None,
            dir.clone(),
            "IEY <noreply@example.org>",
            "http://127.0.0.1:3000/",
        )
        .unwrap();
        let link = mailer.link("/verify-email?token=abc");
        assert_eq!(link, "http://127.0.0.1:3000/verify-email?token=abc");
        mailer
            .send(Mail {
                to: "ana@example.org".into(),
                subject: "Confirm".into(),
                text: format!("Hello Zoë,\n{link}\n"),
            })
            .await
            .unwrap();
        let files: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
        assert_eq!(files.len(), 1);
        let raw = std::fs::read_to_string(files[0].as_ref().unwrap().path()).unwrap();
        // Long lines travel quoted-printable: soft breaks and `=3D` for `=`.
        let decoded = raw.replace("=\r\n", "").replace("=3D", "=");
        assert!(decoded.contains(&link), "{raw}");
        assert!(raw.contains("To: ana@example.org"), "{raw}");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn bad_settings_are_reported() {
        assert!(Mailer::new(None, PathBuf::new(), "not an address", "http://x").is_err());
        assert!(
            Mailer::new(
                Some("ftp://nope"),
                PathBuf::new(),
                "a@example.org",
                "http://x"
            )
            .is_err()
        );
    }
}
