//! Password attempts, counted so that nobody can lock someone else out (issue 12, item 4).
//!
//! Three counts, each reserved atomically before the password is checked:
//! - the **username from this address**: five failures lock that pair for 15 minutes — a guesser
//!   elsewhere cannot lock the real user out of their own office;
//! - the **username from anywhere**: fifty failures in 15 minutes lock it (many addresses
//!   guessing one password: that is an attack on the account, and the lock says so);
//! - the **address**: a hundred failures in 15 minutes, whatever the usernames, so that one
//!   machine cannot try every account, and an office behind one address is not locked out by
//!   five typing mistakes.
//!
//! The address is the peer's, or — when the peer is the configured trusted proxy — the last
//! address that proxy added to `X-Forwarded-For`. A header from anyone else is ignored.

use std::net::IpAddr;

use axum::http::HeaderMap;
use karya_store::db::Store;
use karya_store::throttle::{self, Attempt, Policy};

/// The three keys of one attempt and their policies.
pub struct Attempts {
    keys: [(String, Policy); 3],
}

impl Attempts {
    /// `pair` is the configured policy (five failures); the account and address limits are
    /// ten and twenty times as many.
    pub fn new(username: &str, address: &str, pair: Policy) -> Attempts {
        let wider = |times: i64| Policy {
            max_failures: pair.max_failures * times,
            ..pair
        };
        Attempts {
            keys: [
                (
                    throttle::key("user", &format!("{username}|{address}")),
                    pair,
                ),
                (throttle::key("account", username), wider(10)),
                (throttle::key("addr", address), wider(20)),
            ],
        }
    }

    /// Counts the attempt on every key; when one is locked, until when (ms since the epoch).
    pub async fn reserve(
        &self,
        store: &Store,
        now_ms: i64,
    ) -> Result<Option<i64>, karya_store::StoreError> {
        let mut locked = None;
        for (key, policy) in &self.keys {
            if let Attempt::Locked(until) = throttle::reserve(store, key, now_ms, *policy).await? {
                locked = locked.max(Some(until));
            }
        }
        Ok(locked)
    }

    /// After a wrong password: locks the keys whose last allowed attempt this was.
    pub async fn failed(
        &self,
        store: &Store,
        now_ms: i64,
    ) -> Result<bool, karya_store::StoreError> {
        let mut locked = false;
        for (key, policy) in &self.keys {
            locked |= throttle::reserved_failed(store, key, now_ms, *policy).await?;
        }
        Ok(locked)
    }

    /// After the right password: the user's own counts start again (the address keeps its).
    pub async fn succeeded(&self, store: &Store) -> Result<(), karya_store::StoreError> {
        for (key, _) in &self.keys[..2] {
            throttle::clear(store, key).await?;
        }
        Ok(())
    }
}

/// The caller's address as the handlers extract it (the peer, if the server records it).
pub type Peer = Option<axum::Extension<axum::extract::ConnectInfo<std::net::SocketAddr>>>;

/// The address of a request, with the configured trusted proxy.
pub fn address_of(peer: &Peer, headers: &HeaderMap, trusted: Option<IpAddr>) -> String {
    client_address(peer.as_ref().map(|c| c.0.0.ip()), headers, trusted)
}

/// The client's address: the peer's, or the one a trusted proxy forwarded.
pub fn client_address(
    peer: Option<IpAddr>,
    headers: &HeaderMap,
    trusted: Option<IpAddr>,
) -> String {
    let behind_proxy = trusted.is_some() && (peer.is_none() || peer == trusted);
    let forwarded = headers
        .get("x-forwarded-for")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.rsplit(',').next())
        .and_then(|v| v.trim().parse::<IpAddr>().ok());
    match (behind_proxy, forwarded, peer) {
        (true, Some(address), _) => address.to_string(),
        (_, _, Some(peer)) => peer.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_forwarded_address_counts_only_from_the_trusted_proxy() {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", "203.0.113.9, 10.0.0.7".parse().unwrap());
        let proxy: IpAddr = "127.0.0.1".parse().unwrap();
        let stranger: IpAddr = "198.51.100.4".parse().unwrap();
        assert_eq!(
            client_address(Some(proxy), &headers, Some(proxy)),
            "10.0.0.7",
            "the address the proxy saw"
        );
        assert_eq!(
            client_address(Some(stranger), &headers, Some(proxy)),
            "198.51.100.4",
            "a header from anyone else is ignored"
        );
        assert_eq!(
            client_address(Some(proxy), &headers, None),
            "127.0.0.1",
            "no proxy configured"
        );
    }
}
