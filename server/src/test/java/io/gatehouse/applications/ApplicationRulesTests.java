package io.gatehouse.applications;

import java.util.List;

import io.gatehouse.shared.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an application may be registered with, as a table of redirect URIs and of drafts. */
class ApplicationRulesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "ok", textBlock = """
			https://app.example/callback          | ok
			http://localhost:3000/cb              | ok
			http://127.0.0.1:9/cb                 | ok
			http://[::1]:8080/cb                  | ok
			com.example.app:/oauth2redirect       | ok
			http://app.example/cb                 | must use https, except on localhost
			https://app.example/cb#part           | must not have a fragment
			/relative/cb                          | must be absolute
			javascript:alert(1)                   | must use https, or a reverse-domain scheme of a native app
			data:text/html,hi                     | must use https, or a reverse-domain scheme of a native app
			myapp:/cb                             | must use https, or a reverse-domain scheme of a native app
			https:app.example                     | must name a host
			https://app.example/a b               | must not be empty or hold spaces
			""")
	void redirectUris(String uri, String problem) {
		assertThat(ApplicationRules.uriProblem(uri)).isEqualTo(problem);
	}

	@Test
	void aPublicApplicationHasNoClientCredentialsAndRefreshComesWithTheCodeFlow() {
		assertThatThrownBy(() -> ApplicationRules.check(new ApplicationDraft("CLI", ClientType.PUBLIC, false, List.of(),
				List.of(), List.of(), List.of("client_credentials"))))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.violations())
				.anySatisfy(v -> assertThat(v.rule()).isEqualTo("public-client")));
		assertThatThrownBy(() -> ApplicationRules.check(new ApplicationDraft("Svc", ClientType.CONFIDENTIAL, false,
				List.of(), List.of(), List.of(), List.of("refresh_token", "client_credentials"))))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.violations())
				.anySatisfy(v -> assertThat(v.rule()).isEqualTo("refresh-needs-code")));
		assertThatThrownBy(() -> ApplicationRules.check(new ApplicationDraft("Web", ClientType.CONFIDENTIAL, false,
				List.of(), List.of(), List.of("openid"), List.of("authorization_code"))))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.violations())
				.anySatisfy(v -> assertThat(v.field()).isEqualTo("redirectUris")));
	}

	@Test
	void aValidDraftComesBackTrimmedAndWithoutDuplicates() {
		ApplicationDraft checked = ApplicationRules.check(new ApplicationDraft("  Reports ", ClientType.CONFIDENTIAL,
				null, List.of("https://r.example/cb", "https://r.example/cb"), null, List.of("openid", "openid"),
				List.of("authorization_code")));
		assertThat(checked.name()).isEqualTo("Reports");
		assertThat(checked.firstParty()).isFalse();
		assertThat(checked.redirectUris()).containsExactly("https://r.example/cb");
		assertThat(checked.scopes()).containsExactly("openid");
		assertThat(checked.postLogoutRedirectUris()).isEmpty();
	}
}
