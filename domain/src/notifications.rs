//! In-app notifications. (Being written.)
