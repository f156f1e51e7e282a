package io.gatehouse.allowlist;

import java.util.List;

import io.gatehouse.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every accepted rule form, with an address inside and one just outside. */
class IpRuleTests {

	@ParameterizedTest(name = "{0} admits {1} but not {2}")
	@CsvSource({
			"1.1.1.1,         1.1.1.1,            1.1.1.2",
			"1.1.1.,          1.1.1.255,          1.1.2.1",
			"1.1.1.*,         1.1.1.0,            1.1.0.255",
			"1.1.*.*,         1.1.200.3,          1.2.0.1",
			"10.,             10.200.3.4,         11.0.0.1",
			"1.1.1.0/31,      1.1.1.1,            1.1.1.2",
			"1.1.1.1/32,      1.1.1.1,            1.1.1.0",
			"0.0.0.0/0,       203.0.113.9,        2001:db8::1",
			"192.168.0.0/20,  192.168.15.254,     192.168.16.0",
			"2001:db8::7,     2001:db8:0:0:0:0:0:7, 2001:db8::8",
			"2001:db8:,       2001:db8:ffff::1,   2001:db9::1",
			"2001:db8:*,      2001:db8::,         2001:db7:ffff::",
			"2001:db8:a:*:*,  2001:db8:a:1::1,    2001:db8:b::1",
			"2001:db8:abcd::/48, 2001:db8:abcd:1::1, 2001:db8:abce::1",
			"::1,             0:0:0:0:0:0:0:1,    ::2",
			"::ffff:1.2.3.4,  1.2.3.4,            1.2.3.5" })
	void admitsInsideAndRefusesOutside(String rule, String inside, String outside) {
		IpRule parsed = IpRule.parse(rule);
		assertThat(parsed).as(rule).isNotNull();
		assertThat(parsed.matches(IpAddress.parse(inside))).as(inside).isTrue();
		assertThat(parsed.matches(IpAddress.parse(outside))).as(outside).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "*", "1.1.1.256", "1.1.1", "1.1.1.1.", "01.1.1.1", "1..1.", "1.1.1.1/33",
			"1.1.1.1/", "1.1.1.0/-1", "1.*.1.*", "example.com", "localhost", "2001:db8::/129", "2001:db8::*",
			"2001:db8:g:", "1.1.1.1 2.2.2.2", "+1.1.1.1", "fe80::1%eth0" })
	void refusesWhatIsNotAnAcceptedForm(String rule) {
		assertThat(IpRule.parse(rule)).as(rule).isNull();
	}

	@Test
	void anEmptyListAdmitsAnyAddressAndAnUnparsableAddressNothingElse() {
		assertThat(IpRules.ANY.permits("203.0.113.1")).isTrue();
		IpRules rules = IpRules.parse(List.of("203.0.113.0/24"), "rules");
		assertThat(rules.permits("203.0.113.77")).isTrue();
		assertThat(rules.permits("not-an-address")).isFalse();
		assertThat(rules.permits((String) null)).isFalse();
	}

	@Test
	void namesEveryInvalidRuleAndTheAcceptedForms() {
		assertThatThrownBy(() -> IpRules.parse(List.of("1.1.1.1", "1.1.1.300", "2001:db8::/200"), "rules"))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.code()).isEqualTo("invalid-ip-rule");
				assertThat(ex.violations()).extracting("field").containsExactly("rules[1]", "rules[2]");
				assertThat(ex.violations().get(0).message()).contains("'1.1.1.300'").contains("1.1.1.0/31")
					.contains("1.1.1.*").contains("2001:db8::/32");
			});
	}

	@Test
	void neverLooksUpANameInDns() {
		assertThat(IpAddress.parse("localhost")).isNull();
		assertThat(IpAddress.parse("abcd")).isNull();
	}
}
