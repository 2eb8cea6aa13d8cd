//! Users, their roles and what they are bound to (office, region, partner, person or
//! prosecutor's office). Password hashes are written and read here but never audited.

use karya_domain::Role;
use serde_json::json;

use crate::access::Scope;
use crate::access::ScopeView;
use crate::audit::{Actor, Event};
use crate::db::Store;
use crate::error::{Result, StoreError, unique_as};
use crate::form_tokens::{self, Once};
use crate::ids::{OfficeId, PartnerId, PersonId, ProsecutorOfficeId, RegionId, UserId};

/// What a user is bound to; which fields are set follows from the roles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Binding {
    pub office: Option<OfficeId>,
    pub region: Option<RegionId>,
    pub partner: Option<PartnerId>,
    pub person: Option<PersonId>,
    pub prosecutor_office: Option<ProsecutorOfficeId>,
}

#[derive(Debug, Clone)]
pub struct User {
    pub id: UserId,
    pub username: String,
    pub display_name: String,
    pub nip: Option<String>,
    pub binding: Binding,
    pub language: String,
    pub disabled: bool,
    pub version: i64,
    pub roles: Vec<Role>,
    /// The password was set by someone else and must be changed before anything else.
    pub must_change_password: bool,
    /// A confirmed second factor (TOTP) guards the login.
    pub second_factor: bool,
}

impl User {
    /// The audit actor for the user acting on their own login (logging in, activating), in
    /// their first role.
    pub fn own_actor(&self, request_id: &str) -> Actor {
        Actor {
            user_id: Some(self.id),
            username: self.username.clone(),
            role: self.roles.first().map_or("none", |r| r.as_str()).to_owned(),
            office_id: self.binding.office,
            request_id: request_id.to_owned(),
        }
    }
}

#[derive(sqlx::FromRow)]
struct UserRow {
    id: i64,
    username: String,
    display_name: String,
    nip: Option<String>,
    office_id: Option<i64>,
    region_id: Option<i64>,
    partner_id: Option<i64>,
    person_id: Option<i64>,
    prosecutor_office_id: Option<i64>,
    language: String,
    disabled: i64,
    version: i64,
    password_temporary_until: Option<String>,
    totp_confirmed_at: Option<String>,
}

impl UserRow {
    fn into_user(self, roles: Vec<Role>) -> User {
        User {
            id: UserId(self.id),
            username: self.username,
            display_name: self.display_name,
            nip: self.nip,
            binding: Binding {
                office: self.office_id.map(OfficeId),
                region: self.region_id.map(RegionId),
                partner: self.partner_id.map(PartnerId),
                person: self.person_id.map(PersonId),
                prosecutor_office: self.prosecutor_office_id.map(ProsecutorOfficeId),
            },
            language: self.language,
            disabled: self.disabled != 0,
            version: self.version,
            roles,
            must_change_password: self.password_temporary_until.is_some(),
            second_factor: self.totp_confirmed_at.is_some(),
        }
    }
}

macro_rules! user_select {
    ($tail:literal) => {
        concat!(
            "SELECT id, username, display_name, nip, office_id, region_id, partner_id, ",
            "person_id, prosecutor_office_id, language, disabled, version, password_temporary_until, ",
            "totp_confirmed_at FROM users",
            $tail
        )
    };
}

pub struct NewUser {
    pub username: String,
    pub display_name: String,
    pub nip: Option<String>,
    pub password_hash: String,
    /// Set by someone else (issue 12, item 7): changed at the first login, valid 72 hours.
    pub temporary_password: bool,
    pub binding: Binding,
    pub roles: Vec<Role>,
}

/// How long a temporary password works (issue 12, item 7).
pub const TEMPORARY_PASSWORD_HOURS: i64 = 72;

pub async fn create_user(
    store: &Store,
    actor: &Actor,
    user: &NewUser,
    once: Option<Once<'_>>,
) -> Result<UserId> {
    let mut tx = store.begin_write().await?;
    form_tokens::guard(&mut tx, once, store.now_ms()).await?;
    let id = insert_user(&mut tx, store, actor, user).await?;
    form_tokens::finish(&mut tx, once, &format!("user:{id}")).await?;
    tx.commit().await?;
    Ok(id)
}

/// Creates a client's login that works only after activation (issue 12, item 12): its
/// password is unusable until the client chooses one with the one-time code whose digest is
/// `code_digest`, valid for 72 hours. One transaction: no login without its code.
pub async fn create_with_activation(
    store: &Store,
    actor: &Actor,
    user: &NewUser,
    code_digest: &str,
) -> Result<UserId> {
    let mut tx = store.begin_write().await?;
    let id = insert_user(&mut tx, store, actor, user).await?;
    sqlx::query("INSERT INTO activations (code_digest, user_id, expires_at) VALUES ($1, $2, $3)")
        .bind(code_digest)
        .bind(id.0)
        .bind(temporary_until(store))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(id)
}

/// The user a live activation code belongs to (unused, unexpired, the user enabled).
pub async fn activation_user(store: &Store, code_digest: &str) -> Result<Option<User>> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT a.user_id FROM activations a JOIN users u ON u.id = a.user_id
         WHERE a.code_digest = $1 AND a.used_at IS NULL AND a.expires_at > $2 AND u.disabled = 0",
    )
    .bind(code_digest)
    .bind(store.now_text())
    .fetch_optional(store.pool())
    .await?;
    match row {
        Some((id,)) => Ok(Some(get_user(store, UserId(id)).await?)),
        None => Ok(None),
    }
}

/// Uses the activation code: the client's own password is stored, the code is spent, and the
/// activation is audited. `Conflict` when the code was used meanwhile.
pub async fn activate(
    store: &Store,
    code_digest: &str,
    user: &User,
    password_hash: &str,
    request_id: &str,
) -> Result<()> {
    let mut tx = store.begin_write().await?;
    let spent = sqlx::query(
        "UPDATE activations SET used_at = $1
         WHERE code_digest = $2 AND user_id = $3 AND used_at IS NULL AND expires_at > $1",
    )
    .bind(store.now_text())
    .bind(code_digest)
    .bind(user.id.0)
    .execute(&mut *tx)
    .await?;
    if spent.rows_affected() != 1 {
        return Err(StoreError::Conflict);
    }
    sqlx::query(
        "UPDATE users SET password_hash = $1, password_temporary_until = NULL,
         version = version + 1 WHERE id = $2",
    )
    .bind(password_hash)
    .bind(user.id.0)
    .execute(&mut *tx)
    .await?;
    store
        .audit(
            &mut tx,
            &user.own_actor(request_id),
            Event::new("user.activate", "user", user.id, json!({})),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

async fn insert_user(
    tx: &mut sqlx::AnyConnection,
    store: &Store,
    actor: &Actor,
    user: &NewUser,
) -> Result<UserId> {
    let b = user.binding;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO users (username, display_name, nip, password_hash, office_id, region_id,
            partner_id, person_id, prosecutor_office_id, created_at, password_temporary_until)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(&user.username)
    .bind(&user.display_name)
    .bind(&user.nip)
    .bind(&user.password_hash)
    .bind(b.office.map(|id| id.0))
    .bind(b.region.map(|id| id.0))
    .bind(b.partner.map(|id| id.0))
    .bind(b.person.map(|id| id.0))
    .bind(b.prosecutor_office.map(|id| id.0))
    .bind(store.now_text())
    .bind(user.temporary_password.then(|| temporary_until(store)))
    .fetch_one(&mut *tx)
    .await
    .map_err(unique_as("username"))?;
    insert_roles(&mut *tx, id, &user.roles).await?;
    let summary = json!({
        "username": user.username,
        "roles": user.roles.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
        "office_id": b.office.map(|id| id.0),
    });
    let mut actor = actor.clone();
    actor.office_id = actor.office_id.or(b.office);
    store
        .audit(
            &mut *tx,
            &actor,
            Event::new("user.create", "user", id, summary),
        )
        .await?;
    Ok(UserId(id))
}

async fn insert_roles(tx: &mut sqlx::AnyConnection, user: i64, roles: &[Role]) -> Result<()> {
    for role in roles {
        sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)")
            .bind(user)
            .bind(role.as_str())
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

async fn roles_of(executor: impl sqlx::AnyExecutor<'_>, user: i64) -> Result<Vec<Role>> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT role FROM user_roles WHERE user_id = $1 ORDER BY role")
            .bind(user)
            .fetch_all(executor)
            .await?;
    Ok(rows
        .iter()
        .filter_map(|(role,)| Role::parse(role))
        .collect())
}

/// What a login needs: the id, the stored hash and whether the account is disabled.
pub struct Credentials {
    pub id: UserId,
    pub password_hash: String,
    pub disabled: bool,
    /// When the password was set by someone else: until when it works.
    pub temporary_until: Option<jiff::Timestamp>,
}

fn temporary_until(store: &Store) -> String {
    crate::clock::text(store.now() + jiff::SignedDuration::from_hours(TEMPORARY_PASSWORD_HOURS))
}

pub async fn credentials(store: &Store, username: &str) -> Result<Option<Credentials>> {
    let row: Option<(i64, String, i64, Option<String>)> = sqlx::query_as(
        "SELECT id, password_hash, disabled, password_temporary_until FROM users WHERE username = $1",
    )
    .bind(username)
    .fetch_optional(store.pool())
    .await?;
    Ok(row.map(|(id, password_hash, disabled, until)| Credentials {
        id: UserId(id),
        password_hash,
        disabled: disabled != 0,
        temporary_until: until.and_then(|t| t.parse().ok()),
    }))
}

pub async fn credentials_by_id(store: &Store, id: UserId) -> Result<Credentials> {
    let row: Option<(i64, String, i64, Option<String>)> = sqlx::query_as(
        "SELECT id, password_hash, disabled, password_temporary_until FROM users WHERE id = $1",
    )
    .bind(id.0)
    .fetch_optional(store.pool())
    .await?;
    let (id, password_hash, disabled, until) = row.ok_or(StoreError::NotFound)?;
    Ok(Credentials {
        id: UserId(id),
        password_hash,
        disabled: disabled != 0,
        temporary_until: until.and_then(|t| t.parse().ok()),
    })
}

/// The user behind a session or token. Authentication itself decides who may call this.
pub async fn get_user(store: &Store, id: UserId) -> Result<User> {
    let row: Option<UserRow> = sqlx::query_as(user_select!(" WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(store.pool())
        .await?;
    let row = row.ok_or(StoreError::NotFound)?;
    let roles = roles_of(store.pool(), row.id).await?;
    Ok(row.into_user(roles))
}

pub async fn user_by_username(store: &Store, username: &str) -> Result<User> {
    let row: Option<UserRow> = sqlx::query_as(user_select!(" WHERE username = $1"))
        .bind(username)
        .fetch_optional(store.pool())
        .await?;
    let row = row.ok_or(StoreError::NotFound)?;
    let roles = roles_of(store.pool(), row.id).await?;
    Ok(row.into_user(roles))
}

/// Users managed in `scope`: everyone (national) or the office's own.
pub async fn list_users(store: &Store, scope: Scope) -> Result<Vec<User>> {
    let rows: Vec<UserRow> = match scope.0 {
        ScopeView::National => {
            sqlx::query_as(user_select!(" ORDER BY username"))
                .fetch_all(store.pool())
                .await?
        }
        ScopeView::Office(office) => {
            sqlx::query_as(user_select!(" WHERE office_id = $1 ORDER BY username"))
                .bind(office.0)
                .fetch_all(store.pool())
                .await?
        }
        _ => Vec::new(),
    };
    let mut users = Vec::with_capacity(rows.len());
    for row in rows {
        let roles = roles_of(store.pool(), row.id).await?;
        users.push(row.into_user(roles));
    }
    Ok(users)
}

/// One user if `scope` manages them; otherwise `NotFound`.
pub async fn get_user_in(store: &Store, scope: Scope, id: UserId) -> Result<User> {
    let user = get_user(store, id).await?;
    let visible = match scope.0 {
        ScopeView::National => true,
        ScopeView::Office(office) => user.binding.office == Some(office),
        _ => false,
    };
    if visible {
        Ok(user)
    } else {
        Err(StoreError::NotFound)
    }
}

/// What an editor may change on an account.
pub struct UserChanges<'a> {
    pub display_name: &'a str,
    pub nip: Option<&'a str>,
    pub roles: &'a [Role],
}

/// Changes name, NIP and roles, guarded by the version the editor saw.
pub async fn update_user(
    store: &Store,
    actor: &Actor,
    scope: Scope,
    id: UserId,
    expected_version: i64,
    changes: &UserChanges<'_>,
) -> Result<()> {
    let UserChanges {
        display_name,
        nip,
        roles,
    } = *changes;
    let before = get_user_in(store, scope, id).await?;
    // Separation of duties: nobody changes their own roles (a head could otherwise make
    // themself the PK of a case they also sign for).
    let mut wanted = roles.to_vec();
    wanted.sort();
    let mut held = before.roles.clone();
    held.sort();
    if actor.user_id == Some(id) && wanted != held {
        return Err(StoreError::Forbidden);
    }
    let mut tx = store.begin_write().await?;
    let changed = sqlx::query(
        "UPDATE users SET display_name = $1, nip = $2, version = version + 1
         WHERE id = $3 AND version = $4",
    )
    .bind(display_name)
    .bind(nip)
    .bind(id.0)
    .bind(expected_version)
    .execute(&mut *tx)
    .await?;
    if changed.rows_affected() == 0 {
        return Err(StoreError::Conflict);
    }
    sqlx::query("DELETE FROM user_roles WHERE user_id = $1")
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
    insert_roles(&mut tx, id.0, roles).await?;
    let names = |roles: &[Role]| roles.iter().map(|r| r.as_str()).collect::<Vec<_>>();
    let summary = json!({
        "before": {"display_name": before.display_name, "nip": before.nip, "roles": names(&before.roles)},
        "after": {"display_name": display_name, "nip": nip, "roles": names(roles)},
    });
    store
        .audit(
            &mut tx,
            actor,
            Event::new("user.update", "user", id, summary),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Disables or enables an account. Disabling ends its sessions in the same transaction.
pub async fn set_disabled(
    store: &Store,
    actor: &Actor,
    scope: Scope,
    id: UserId,
    disabled: bool,
) -> Result<()> {
    get_user_in(store, scope, id).await?;
    let mut tx = store.begin_write().await?;
    sqlx::query("UPDATE users SET disabled = $1, version = version + 1 WHERE id = $2")
        .bind(i64::from(disabled))
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
    if disabled {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        // Revoked, not paused: enabling the user again does not bring a token back.
        sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
        )
        .bind(store.now_text())
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
    }
    let action = if disabled {
        "user.disable"
    } else {
        "user.enable"
    };
    store
        .audit(&mut tx, actor, Event::new(action, "user", id, json!({})))
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Stores a new password hash and ends every session of the user except `keep_session`.
pub async fn set_password(
    store: &Store,
    actor: &Actor,
    id: UserId,
    password_hash: &str,
    keep_session: Option<&str>,
) -> Result<()> {
    let mut tx = store.begin_write().await?;
    sqlx::query("UPDATE users SET password_hash = $1, password_temporary_until = NULL, version = version + 1 WHERE id = $2")
        .bind(password_hash)
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2")
        .bind(id.0)
        .bind(keep_session.unwrap_or(""))
        .execute(&mut *tx)
        .await?;
    store
        .audit(
            &mut tx,
            actor,
            Event::new("user.password_change", "user", id, json!({})),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn set_language(store: &Store, actor: &Actor, id: UserId, language: &str) -> Result<()> {
    let mut tx = store.begin_write().await?;
    sqlx::query("UPDATE users SET language = $1 WHERE id = $2")
        .bind(language)
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
    let event = Event::new("user.language", "user", id, json!({"language": language}));
    store.audit(&mut tx, actor, event).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn count_users(store: &Store) -> Result<i64> {
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users")
        .fetch_one(store.pool())
        .await?;
    Ok(count)
}

/// The client login bound to a person, if one was created.
pub async fn client_login(
    store: &Store,
    access: &crate::access::CaseAccess,
) -> Result<Option<String>> {
    let person = access.case().person_id;
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT u.username FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'client'
         WHERE u.person_id = $1 ORDER BY u.id LIMIT 1",
    )
    .bind(person.0)
    .fetch_optional(store.pool())
    .await?;
    Ok(row.map(|(u,)| u))
}

/// The active head of `office`, who signs its letters (name and NIP are printed on them).
pub async fn office_head(store: &Store, office: OfficeId) -> Result<Option<User>> {
    let row: Option<UserRow> = sqlx::query_as(user_select!(
        " WHERE office_id = $1 AND disabled = 0 AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = users.id AND r.role = 'head_of_office') ORDER BY id LIMIT 1"
    ))
    .bind(office.0)
    .fetch_optional(store.pool())
    .await?;
    match row {
        Some(row) => {
            let roles = roles_of(store.pool(), row.id).await?;
            Ok(Some(row.into_user(roles)))
        }
        None => Ok(None),
    }
}
