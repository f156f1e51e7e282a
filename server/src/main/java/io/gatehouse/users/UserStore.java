package io.gatehouse.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.shared.CreatedInTransaction;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserStore {

	static final String COLUMNS = """
			u.id, u.username, u.email, u.email_verified, u.first_name, u.last_name, u.display_name, u.department,
			u.time_zone, u.status, u.source, u.external_id, u.must_change_password, u.last_login_at, u.created_at,
			u.updated_at, u.version""";

	private final JdbcClient jdbc;

	UserStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static User map(ResultSet rs, int row) throws SQLException {
		return new User(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("email"),
				rs.getBoolean("email_verified"), rs.getString("first_name"), rs.getString("last_name"),
				rs.getString("display_name"), rs.getString("department"), rs.getString("time_zone"),
				UserStatus.valueOf(rs.getString("status")), UserSource.valueOf(rs.getString("source")),
				rs.getString("external_id"), rs.getBoolean("must_change_password"),
				Timestamps.read(rs, "last_login_at"), Timestamps.read(rs, "created_at"),
				Timestamps.read(rs, "updated_at"), rs.getLong("version"));
	}

	void insert(User user, String passwordHash) {
		jdbc.sql("""
				INSERT INTO users_account (id, username, username_normalized, email, email_normalized, email_verified,
				    first_name, first_name_normalized, last_name, last_name_normalized, display_name, department,
				    time_zone, status, source, external_id, must_change_password, password_hash, password_changed_at,
				    created_at, updated_at, version)
				VALUES (:id, :username, :usernameNormalized, :email, :emailNormalized, :emailVerified,
				    :firstName, :firstNameNormalized, :lastName, :lastNameNormalized, :displayName, :department,
				    :timeZone, :status, :source, :externalId, :mustChangePassword, :passwordHash, :passwordChangedAt,
				    :createdAt, :updatedAt, :version)""")
			.paramSource(identity(user).addValue("username", user.username())
				.addValue("usernameNormalized", UserRules.normalize(user.username()))
				.addValue("source", user.source().name())
				.addValue("externalId", user.externalId())
				.addValue("passwordHash", passwordHash)
				.addValue("passwordChangedAt", passwordHash == null ? null : Timestamps.of(user.createdAt()))
				.addValue("createdAt", Timestamps.of(user.createdAt()))
				.addValue("version", user.version()))
			.update();
		CreatedInTransaction.remember(user.id());
	}

	/** The parameters insert and update share: the identity fields, their normalized forms and the status. */
	private static MapSqlParameterSource identity(User user) {
		return new MapSqlParameterSource().addValue("id", user.id())
			.addValue("updatedAt", Timestamps.of(user.updatedAt()))
			.addValue("email", user.email())
			.addValue("emailNormalized", UserRules.normalize(user.email()))
			.addValue("emailVerified", user.emailVerified())
			.addValue("firstName", user.firstName())
			.addValue("firstNameNormalized", UserRules.normalize(user.firstName()))
			.addValue("lastName", user.lastName())
			.addValue("lastNameNormalized", UserRules.normalize(user.lastName()))
			.addValue("displayName", user.displayName())
			.addValue("department", user.department())
			.addValue("timeZone", user.timeZone())
			.addValue("status", user.status().name())
			.addValue("externalId", user.externalId())
			.addValue("mustChangePassword", user.mustChangePassword());
	}

	/** Writes the identity fields and status if the row still has {@code expectedVersion}; false otherwise. */
	boolean update(User user, long expectedVersion) {
		return jdbc.sql("""
				UPDATE users_account SET email = :email, email_normalized = :emailNormalized,
				    email_verified = :emailVerified, first_name = :firstName, first_name_normalized = :firstNameNormalized,
				    last_name = :lastName, last_name_normalized = :lastNameNormalized, display_name = :displayName,
				    department = :department, time_zone = :timeZone, status = :status, external_id = :externalId,
				    must_change_password = :mustChangePassword, updated_at = :updatedAt, version = version + 1
				WHERE id = :id AND version = :expectedVersion""")
			.paramSource(identity(user).addValue("expectedVersion", expectedVersion))
			.update() == 1;
	}

	void updatePassword(UUID id, String hash, boolean mustChange, Instant at) {
		jdbc.sql("""
				UPDATE users_account SET password_hash = ?, password_changed_at = ?, must_change_password = ?,
				    updated_at = ?, version = version + 1
				WHERE id = ?""")
			.params(hash, Timestamps.of(at), mustChange, Timestamps.of(at), id)
			.update();
	}

	/** Something of the account outside this row changed (its roles, its groups): a new version, nothing else. */
	void moveVersion(UUID id, Instant at) {
		jdbc.sql("UPDATE users_account SET version = version + 1, updated_at = ? WHERE id = ?")
			.params(Timestamps.of(at), id)
			.update();
	}

	/** Reads the account and locks its row until the transaction ends: concurrent edits of it take turns. */
	Optional<User> findLiveForUpdate(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM users_account u WHERE u.id = ? FOR UPDATE")
			.param(id)
			.query(UserStore::map)
			.optional()
			.filter(user -> user.status() != UserStatus.DELETED);
	}

	/** A transparent re-hash keeps the version: the account did not change in any way a client could see. */
	void rehashPassword(UUID id, String oldHash, String newHash) {
		jdbc.sql("UPDATE users_account SET password_hash = ? WHERE id = ? AND password_hash = ?")
			.params(newHash, id, oldHash)
			.update();
	}

	Optional<User> findById(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM users_account u WHERE u.id = ?")
			.param(id)
			.query(UserStore::map)
			.optional();
	}

	/** The account unless it is unknown or deleted: a deleted user is gone for every operation. */
	Optional<User> findLive(UUID id) {
		return findById(id).filter(user -> user.status() != UserStatus.DELETED);
	}

	/** Which unique constraint a failed write broke, as the conflict a client can act on. */
	static DomainException duplicate(DuplicateKeyException ex) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage()).toLowerCase(java.util.Locale.ROOT);
		if (message.contains("users_account_email_uq")) {
			return DomainException.conflict("email-taken", "A user with this email already exists.", "email");
		}
		if (message.contains("users_account_username_uq")) {
			return DomainException.conflict("username-taken", "A user with this username already exists.", "username");
		}
		return DomainException.conflict("user-exists", "A user with this email or username already exists.", null);
	}

	static DomainException notFound() {
		return DomainException.notFound("user-not-found", "No user has this id.");
	}

	record UserWithPassword(User user, String passwordHash) {
	}

	Optional<UserWithPassword> findByLogin(String login) {
		String column = login.indexOf('@') >= 0 ? "email_normalized" : "username_normalized";
		return jdbc.sql("SELECT " + COLUMNS + ", u.password_hash FROM users_account u WHERE u." + column + " = ?")
			.param(UserRules.normalize(login))
			.query((rs, row) -> new UserWithPassword(map(rs, row), rs.getString("password_hash")))
			.optional();
	}

	Optional<UUID> idByLogin(String login) {
		String column = login.indexOf('@') >= 0 ? "email_normalized" : "username_normalized";
		return jdbc.sql("SELECT id FROM users_account WHERE " + column + " = ?")
			.param(UserRules.normalize(login))
			.query(UUID.class)
			.optional();
	}

	Optional<String> passwordHash(UUID id) {
		return jdbc.sql("SELECT password_hash FROM users_account WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional();
	}

	boolean emailTaken(String email, UUID except) {
		return jdbc.sql("SELECT COUNT(*) FROM users_account WHERE email_normalized = ? AND id <> ?")
			.params(UserRules.normalize(email), except)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * The usernames an inferred one must avoid: {@code base} and {@code base} followed by digits only. Not every name
	 * with that prefix: for a short base such as {@code a} that would be a good part of the directory.
	 */
	List<String> baseAndNumbered(String base) {
		String normalized = UserRules.normalize(base);
		return jdbc.sql("""
				SELECT username_normalized FROM users_account
				WHERE username_normalized LIKE ? ESCAPE '\\'
				  AND REPLACE(TRANSLATE(SUBSTRING(username_normalized FROM ?), '123456789', '000000000'), '0', '') = ''""")
			.params(UserSearchStore.escapeLike(normalized) + "%", normalized.length() + 1)
			.query(String.class)
			.list();
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM users_account").query(Long.class).single();
	}

	void recordLastLogin(UUID id, Instant at) {
		jdbc.sql("UPDATE users_account SET last_login_at = ? WHERE id = ? AND (last_login_at IS NULL OR last_login_at < ?)")
			.params(Timestamps.of(at), id, Timestamps.of(at))
			.update();
	}
}
