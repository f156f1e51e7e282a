package io.gatehouse.oidc;

import java.util.List;

/** A third-party application the user let sign them in, and the scopes they consented to. */
public record Consent(String clientId, String name, List<String> scopes) {
}
