package io.gatehouse.api;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** A write that lost its race in the database twice (its one retry included) is a conflict to retry, not a 500. */
class ConcurrentChangeProblemTests {

	private final ExceptionHandlerMethodResolver handlers = new ExceptionHandlerMethodResolver(ApiProblems.class);

	@Test
	void aTransactionThatLostItsRetryTooIsAnsweredAsAConcurrentChange() {
		for (ConcurrencyFailureException ex : new ConcurrencyFailureException[] {
				new CannotAcquireLockException("lost twice"), new ConcurrencyFailureException("lost twice") }) {
			assertThat(handlers.resolveMethod(ex).getName()).isEqualTo("contended");
			ResponseEntity<ProblemDetail> answer = new ApiProblems().contended(ex);
			assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
			assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(answer.getBody().getType().toString()).endsWith("concurrent-change");
		}
	}
}
