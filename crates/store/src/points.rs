//! Writing a pair of coordinate columns (a photo's location, a partner's, a client's home).
//!
//! A statement prepared on a pooled PostgreSQL connection keeps the parameter types of its
//! first execution, and the `Any` driver sends a NULL without its type. A nullable float bound
//! NULL first thus makes the next real value on that connection fail ("incorrect binary data
//! format"). So coordinates are written by a statement of their own: bound when known, literal
//! NULLs when not.

/// Where a pair of coordinates lives: the table, its two columns and the row's key column.
pub(crate) struct PointColumns {
    pub table: &'static str,
    pub latitude: &'static str,
    pub longitude: &'static str,
    pub key: &'static str,
}

/// Sets (or clears) the coordinates of the row whose `key` is `id`.
pub(crate) async fn write(
    conn: &mut sqlx::AnyConnection,
    columns: &PointColumns,
    id: i64,
    point: Option<(f64, f64)>,
) -> Result<(), sqlx::Error> {
    let PointColumns {
        table,
        latitude,
        longitude,
        key,
    } = columns;
    match point {
        Some((lat, lon)) => {
            let sql =
                format!("UPDATE {table} SET {latitude} = $1, {longitude} = $2 WHERE {key} = $3");
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(lat)
                .bind(lon)
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
        None => {
            let sql = format!(
                "UPDATE {table} SET {latitude} = NULL, {longitude} = NULL WHERE {key} = $1"
            );
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}
