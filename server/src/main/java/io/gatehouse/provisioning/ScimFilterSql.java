package io.gatehouse.provisioning;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.AndFilter;
import com.unboundid.scim2.common.filters.ComplexValueFilter;
import com.unboundid.scim2.common.filters.ContainsFilter;
import com.unboundid.scim2.common.filters.EndsWithFilter;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterVisitor;
import com.unboundid.scim2.common.filters.GreaterThanFilter;
import com.unboundid.scim2.common.filters.GreaterThanOrEqualFilter;
import com.unboundid.scim2.common.filters.LessThanFilter;
import com.unboundid.scim2.common.filters.LessThanOrEqualFilter;
import com.unboundid.scim2.common.filters.NotEqualFilter;
import com.unboundid.scim2.common.filters.NotFilter;
import com.unboundid.scim2.common.filters.OrFilter;
import com.unboundid.scim2.common.filters.PresentFilter;
import com.unboundid.scim2.common.filters.StartsWithFilter;
import io.gatehouse.provisioning.ScimFilterColumns.Column;
import io.gatehouse.provisioning.ScimFilterColumns.Kind;
import io.gatehouse.shared.Timestamps;
import tools.jackson.databind.node.ValueNode;

import static io.gatehouse.provisioning.ScimFilterColumns.CORE;
import static io.gatehouse.provisioning.ScimFilterColumns.ENTERPRISE;
import static io.gatehouse.provisioning.ScimFilterColumns.GROUPS;
import static io.gatehouse.provisioning.ScimFilterColumns.GROUP_CORE;
import static io.gatehouse.provisioning.ScimFilterColumns.USERS;
import static io.gatehouse.provisioning.ScimFilterColumns.USER_NAME;

/**
 * Turns a SCIM filter (parsed by the SDK) into a SQL condition over the columns {@link ScimFilterColumns} names for
 * users and for groups, with positional parameters. Written by hand because the SDK only evaluates a
 * filter against a resource already in memory, which would mean loading every user; no library maps SCIM attributes
 * onto our columns. Values are always parameters, never text of the statement, and an attribute it does not know is a
 * 400 invalidFilter, not an empty result.
 */
public final class ScimFilterSql implements FilterVisitor<ScimFilterSql.Condition, String> {

	/** A SQL condition and its parameters, in order. */
	public record Condition(String sql, List<Object> params) {
	}

	private final Map<String, Column> columns;

	private final String core;

	private ScimFilterSql(Map<String, Column> columns, String core) {
		this.columns = columns;
		this.core = core;
	}

	public static Condition translate(Filter filter) throws ScimException {
		return filter.visit(new ScimFilterSql(USERS, CORE), "");
	}

	public static Condition translateGroups(Filter filter) throws ScimException {
		return filter.visit(new ScimFilterSql(GROUPS, GROUP_CORE), "");
	}

	/** The ORDER BY expression for a sortBy attribute (case-ignored ones sort by their lower-cased copy). */
	public static String orderBy(String sortBy) throws ScimException {
		if (sortBy == null || sortBy.isBlank()) {
			return "u.username_normalized";
		}
		Column column = new ScimFilterSql(USERS, CORE).column(Path.fromString(sortBy), "");
		if (column.kind() == Kind.CONSTANT_WORK || column.kind() == Kind.CONSTANT_TRUE) {
			return "u.username_normalized";
		}
		return column.expression();
	}

	public static String orderGroupsBy(String sortBy) throws ScimException {
		if (sortBy == null || sortBy.isBlank()) {
			return "g.name_normalized";
		}
		Column column = new ScimFilterSql(GROUPS, GROUP_CORE).column(Path.fromString(sortBy), "");
		if (column.kind() == Kind.MEMBER) {
			throw BadRequestException.invalidFilter("Groups cannot be sorted by their members.");
		}
		return column.expression();
	}

	static String normalize(String value) {
		return value == null ? null : value.toLowerCase(Locale.ROOT);
	}

	private Column column(Path path, String prefix) throws BadRequestException {
		StringBuilder name = new StringBuilder(prefix);
		for (Path.Element element : path) {
			if (!name.isEmpty()) {
				name.append('.');
			}
			name.append(element.getAttribute());
		}
		String key = name.toString().toLowerCase(Locale.ROOT);
		String urn = path.getSchemaUrn() == null ? null : path.getSchemaUrn().toLowerCase(Locale.ROOT);
		if (urn != null && urn.equals(ENTERPRISE) && columns == USERS) {
			key = ENTERPRISE + ":" + key;
		}
		else if (urn != null && !urn.equals(core)) {
			throw BadRequestException.invalidFilter("The filter names an attribute of an unknown schema: " + path);
		}
		Column column = columns.get(key);
		if (column == null) {
			throw BadRequestException.invalidFilter("This resource cannot be filtered or sorted by '" + path + "'.");
		}
		return column;
	}

	private Condition compare(Filter filter, String prefix, String operator) throws ScimException {
		Column column = column(filter.getAttributePath(), prefix);
		ValueNode value = filter.getComparisonValue();
		if (value == null || value.isNull()) {
			// "attr eq null" reads as "has no value"
			return "=".equals(operator) ? absent(column) : present(column);
		}
		if (USER_NAME.equals(column.expression()) && "=".equals(operator)) {
			// the lookup every client makes before a create: the COALESCE is no indexed expression, so each of its
			// two sides is asked of its own unique index
			String name = text(column, value);
			return new Condition("u.id IN (SELECT user_id FROM provisioning_user_profile WHERE user_name_normalized = ?"
					+ " UNION ALL SELECT a.id FROM users_account a WHERE a.username_normalized = ? AND NOT EXISTS"
					+ " (SELECT 1 FROM provisioning_user_profile q WHERE q.user_id = a.id"
					+ " AND q.user_name_normalized IS NOT NULL))", List.of(name, name));
		}
		return switch (column.kind()) {
			case ID -> {
				if (!"=".equals(operator) && !"<>".equals(operator)) {
					throw BadRequestException.invalidFilter("'id' can only be compared with eq or ne.");
				}
				UUID id = uuid(value.asString());
				yield id == null ? new Condition("=".equals(operator) ? "1 = 0" : "1 = 1", List.of())
						: new Condition(column.expression() + " " + operator + " ?", List.of(id));
			}
			case MEMBER -> {
				if (!"=".equals(operator) && !"<>".equals(operator)) {
					throw BadRequestException.invalidFilter("A member is compared by its value with eq or ne.");
				}
				if (!value.isString()) {
					throw BadRequestException.invalidFilter("A member's value is the id of a user, a string.");
				}
				UUID id = uuid(value.asString());
				Condition member = id == null ? new Condition("1 = 0", List.of())
						: new Condition(column.expression(), List.of(id));
				yield "=".equals(operator) ? member : new Condition("NOT (" + member.sql() + ")", member.params());
			}
			case ACTIVE -> {
				if (!value.isBoolean() || !("=".equals(operator) || "<>".equals(operator))) {
					throw BadRequestException.invalidFilter("'active' is compared with eq or ne to true or false.");
				}
				boolean active = value.booleanValue() == "=".equals(operator);
				yield new Condition(active ? "u.status = 'ACTIVE'" : "u.status <> 'ACTIVE'", List.of());
			}
			case TIME -> new Condition(column.expression() + " " + operator + " ?", List.of(time(value)));
			case CONSTANT_WORK, CONSTANT_TRUE -> {
				String constant = column.kind() == Kind.CONSTANT_WORK ? "work" : "true";
				int order = constant.compareTo(normalize(value.asString()));
				boolean holds = switch (operator) {
					case "=" -> order == 0;
					case "<>" -> order != 0;
					case ">" -> order > 0;
					case ">=" -> order >= 0;
					case "<" -> order < 0;
					default -> order <= 0;
				};
				yield new Condition(holds ? "1 = 1" : "1 = 0", List.of());
			}
			default -> new Condition(column.expression() + " " + operator + " ?", List.of(text(column, value)));
		};
	}

	private Condition like(Filter filter, String prefix, String before, String after) throws ScimException {
		Column column = column(filter.getAttributePath(), prefix);
		ValueNode value = filter.getComparisonValue();
		if (value == null || !value.isString()
				|| !(column.kind() == Kind.CASE_IGNORED || column.kind() == Kind.CASE_EXACT)) {
			throw BadRequestException.invalidFilter("co, sw and ew compare a text attribute with a string.");
		}
		String escaped = text(column, value).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return new Condition(column.expression() + " LIKE ? ESCAPE '\\'", List.of(before + escaped + after));
	}

	private static String text(Column column, ValueNode value) throws BadRequestException {
		if (!value.isString()) {
			throw BadRequestException.invalidFilter("This attribute is compared with a string.");
		}
		return column.kind() == Kind.CASE_IGNORED ? normalize(value.asString()) : value.asString();
	}

	private static Object time(ValueNode value) throws BadRequestException {
		try {
			Instant instant = OffsetDateTime.parse(value.asString()).toInstant();
			return Timestamps.of(instant);
		}
		catch (DateTimeParseException ex) {
			throw BadRequestException.invalidFilter("A date is written as in RFC 3339, like 2026-01-31T09:00:00Z.");
		}
	}

	private static UUID uuid(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static Condition present(Column column) {
		return switch (column.kind()) {
			case ID, ACTIVE, TIME, CONSTANT_WORK, CONSTANT_TRUE -> new Condition("1 = 1", List.of());
			case MEMBER -> new Condition("EXISTS (SELECT 1 FROM access_group_member m WHERE m.group_id = g.id)", List.of());
			default -> new Condition("(" + column.expression() + " IS NOT NULL AND " + column.expression() + " <> '')",
					List.of());
		};
	}

	private static Condition absent(Column column) {
		Condition present = present(column);
		return new Condition("NOT " + present.sql(), present.params());
	}

	private Condition combine(List<Filter> filters, String prefix, String joiner) throws ScimException {
		List<String> parts = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		for (Filter filter : filters) {
			Condition condition = filter.visit(this, prefix);
			parts.add("(" + condition.sql() + ")");
			params.addAll(condition.params());
		}
		return new Condition(String.join(joiner, parts), params);
	}

	@Override
	public Condition visit(EqualFilter filter, String prefix) throws ScimException {
		return compare(filter, prefix, "=");
	}

	@Override
	public Condition visit(NotEqualFilter filter, String prefix) throws ScimException {
		return compare(filter, prefix, "<>");
	}

	@Override
	public Condition visit(ContainsFilter filter, String prefix) throws ScimException {
		return like(filter, prefix, "%", "%");
	}

	@Override
	public Condition visit(StartsWithFilter filter, String prefix) throws ScimException {
		return like(filter, prefix, "", "%");
	}

	@Override
	public Condition visit(EndsWithFilter filter, String prefix) throws ScimException {
		return like(filter, prefix, "%", "");
	}

	@Override
	public Condition visit(PresentFilter filter, String prefix) throws ScimException {
		return present(column(filter.getAttributePath(), prefix));
	}

	@Override
	public Condition visit(GreaterThanFilter filter, String prefix) throws ScimException {
		return compare(filter, prefix, ">");
	}

	@Override
	public Condition visit(GreaterThanOrEqualFilter filter, String prefix) throws ScimException {
		return compare(filter, prefix, ">=");
	}

	@Override
	public Condition visit(LessThanFilter filter, String prefix) throws ScimException {
		return compare(filter, prefix, "<");
	}

	@Override
	public Condition visit(LessThanOrEqualFilter filter, String prefix) throws ScimException {
		return compare(filter, prefix, "<=");
	}

	@Override
	public Condition visit(AndFilter filter, String prefix) throws ScimException {
		return combine(filter.getCombinedFilters(), prefix, " AND ");
	}

	@Override
	public Condition visit(OrFilter filter, String prefix) throws ScimException {
		return combine(filter.getCombinedFilters(), prefix, " OR ");
	}

	@Override
	public Condition visit(NotFilter filter, String prefix) throws ScimException {
		Condition inner = filter.getInvertedFilter().visit(this, prefix);
		return new Condition("NOT (" + inner.sql() + ")", inner.params());
	}

	/** {@code emails[type eq "work" and value co "@x"]}: the inner filter over the attribute's sub-attributes. */
	@Override
	public Condition visit(ComplexValueFilter filter, String prefix) throws ScimException {
		return filter.getValueFilter().visit(this, filter.getAttributePath().toString());
	}
}
