//! Password hashing with argon2id (the `argon2` crate's defaults: 19 MiB, 2 passes), in PHC
//! string format, so parameters can be raised later without breaking stored hashes.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

/// A hash to compare against when a login does not exist, so an unknown login takes as
/// long to refuse as a wrong password (no timing hint of which logins exist).
const DECOY: &str = "$argon2id$v=19$m=19456,t=2,p=1$ZGVjb3lkZWNveWRlY295$3Ff7O3SL3D8o6Gd7GgAxqXnYt3sGqQ0b8k2lJp4u4cE";

/// Hashes a new password.
pub fn hash(password: &str) -> Result<String, String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| format!("cannot hash the password: {e}"))
}

/// True when `password` matches `stored`. With no stored hash, checks against a decoy
/// and answers false.
pub fn verify(password: &str, stored: Option<&str>) -> bool {
    let Ok(parsed) = PasswordHash::new(stored.unwrap_or(DECOY)) else {
        return false;
    };
    let matches = Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok();
    matches && stored.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_salted_and_verify_only_the_right_password() {
        let a = hash("correct horse battery").unwrap();
        let b = hash("correct horse battery").unwrap();
        assert!(a.starts_with("$argon2id$"));
        assert_ne!(a, b, "each hash has its own salt");
        assert!(verify("correct horse battery", Some(&a)));
        assert!(!verify("correct horse batterY", Some(&a)));
        assert!(!verify("anything", None));
        assert!(!verify("anything", Some("not a hash")));
        assert!(
            PasswordHash::new(DECOY).is_ok(),
            "the decoy costs a real verification"
        );
    }
}
