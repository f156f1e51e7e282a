package io.gatehouse.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

	static final String COLUMNS = """
			u.id, u.username, u.email, u.email_verified, u.first_name, u.last_name, u.display_name, u.department,
			u.time_zone, u.status, u.source, u.external_id, u.must_change_password, u.last_login_at, u.created_at,
			u.updated_at, u.version""";

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
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
			.param("id", user.id())
			.param("username", user.username())
			.param("usernameNormalized", UserRules.normalize(user.username()))
			.param("email", user.email())
			.param("emailNormalized", UserRules.normalize(user.email()))
			.param("emailVerified", user.emailVerified())
			.param("firstName", user.firstName())
			.param("firstNameNormalized", UserRules.normalize(user.firstName()))
			.param("lastName", user.lastName())
			.param("lastNameNormalized", UserRules.normalize(user.lastName()))
			.param("displayName", user.displayName())
			.param("department", user.department())
			.param("timeZone", user.timeZone())
			.param("status", user.status().name())
			.param("source", user.source().name())
			.param("externalId", user.externalId())
			.param("mustChangePassword", user.mustChangePassword())
			.param("passwordHash", passwordHash)
			.param("passwordChangedAt", passwordHash == null ? null : Timestamps.of(user.createdAt()))
			.param("createdAt", Timestamps.of(user.createdAt()))
			.param("updatedAt", Timestamps.of(user.updatedAt()))
			.param("version", user.version())
			.update();
	}

	/** Writes the identity fields and status if the row still has {@code expectedVersion}; false otherwise. */
	boolean update(User user, long expectedVersion) {
		return jdbc.sql("""
				UPDATE users_account SET email = :email, email_normalized = :emailNormalized,
				    email_verified = :emailVerified, first_name = :firstName, first_name_normalized = :firstNameNormalized,
				    last_name = :lastName, last_name_normalized = :lastNameNormalized, display_name = :displayName,
				    department = :department, time_zone = :timeZone, status = :status,
				    must_change_password = :mustChangePassword, updated_at = :updatedAt, version = version + 1
				WHERE id = :id AND version = :expectedVersion""")
			.param("email", user.email())
			.param("emailNormalized", UserRules.normalize(user.email()))
			.param("emailVerified", user.emailVerified())
			.param("firstName", user.firstName())
			.param("firstNameNormalized", UserRules.normalize(user.firstName()))
			.param("lastName", user.lastName())
			.param("lastNameNormalized", UserRules.normalize(user.lastName()))
			.param("displayName", user.displayName())
			.param("department", user.department())
			.param("timeZone", user.timeZone())
			.param("status", user.status().name())
			.param("mustChangePassword", user.mustChangePassword())
			.param("updatedAt", Timestamps.of(user.updatedAt()))
			.param("id", user.id())
			.param("expectedVersion", expectedVersion)
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

	/** A transparent re-hash keeps the version: the account did not change in any way a client could see. */
	void rehashPassword(UUID id, String oldHash, String newHash) {
		jdbc.sql("UPDATE users_account SET password_hash = ? WHERE id = ? AND password_hash = ?")
			.params(newHash, id, oldHash)
			.update();
	}

	Optional<User> findById(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM users_account u WHERE u.id = ?")
			.param(id)
			.query(UserRepository::map)
			.optional();
	}

	/** The account unless it is unknown or deleted: a deleted user is gone for every operation. */
	Optional<User> findLive(UUID id) {
		return findById(id).filter(user -> user.status() != UserStatus.DELETED);
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

	boolean usernameTaken(String username) {
		return jdbc.sql("SELECT COUNT(*) FROM users_account WHERE username_normalized = ?")
			.param(UserRules.normalize(username))
			.query(Integer.class)
			.single() > 0;
	}

	/** Usernames starting with {@code base}: the candidates an inferred username must avoid. */
	List<String> usernamesStartingWith(String base) {
		return jdbc.sql("SELECT username_normalized FROM users_account WHERE username_normalized LIKE ? ESCAPE '\\'")
			.param(UserSearchQuery.escapeLike(UserRules.normalize(base)) + "%")
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
