package io.gatehouse.web;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import jakarta.servlet.ServletException;

import io.gatehouse.database.DatabaseProbe;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A filter or door failing because the database is away is answered 503 with Retry-After by the edge: a problem
 * detail for a client, a page of its own for a browser in the console. Other failures pass through untouched. (The
 * outage itself, with PostgreSQL cut off, is in DatabaseOutageIntegrationTests.)
 */
class DatabaseOutageFilterTests {

	private final DatabaseOutageFilter filter = new DatabaseOutageFilter(
			new DatabaseProbe(null, Duration.ofSeconds(1), Duration.ofSeconds(2)));

	@Test
	void aFilterThatCannotReachTheDatabaseIsAnswered503ProblemJson() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/me");
		MockHttpServletResponse response = new MockHttpServletResponse();

		filter.doFilter(request, response, (req, res) -> {
			throw new ServletException(new CannotGetJdbcConnectionException("no connection",
					new SQLTransientConnectionException("request timed out after 3000ms")));
		});

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");
		assertThat(response.getContentAsString()).contains("\"code\":\"database-unavailable\"")
			.doesNotContain("3000ms");
	}

	@Test
	void aConsolePageThatCannotReachTheDatabaseIsA503Page() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/console/users");
		request.addHeader("Accept", "text/html,application/xhtml+xml");
		MockHttpServletResponse response = new MockHttpServletResponse();

		filter.doFilter(request, response, (req, res) -> {
			throw new CannotGetJdbcConnectionException("no connection");
		});

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).startsWith("text/html");
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");
		assertThat(response.getContentAsString()).contains("Temporarily unavailable");
	}

	@Test
	void otherFailuresAreNotTakenForAnOutage() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/me");
		MockHttpServletResponse response = new MockHttpServletResponse();

		assertThatThrownBy(() -> filter.doFilter(request, response, (req, res) -> {
			throw new IllegalStateException("a bug");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(response.getStatus()).isEqualTo(200);
	}
}
