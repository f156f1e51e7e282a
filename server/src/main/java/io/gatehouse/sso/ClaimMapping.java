package io.gatehouse.sso;

import java.util.UUID;

/**
 * When the provider's claim holds the value (or, for a list claim, contains it), the person gets the group or the
 * role at the resource (the instance when none is given). Exactly one of {@code groupId} and {@code roleId}.
 */
public record ClaimMapping(String claim, String value, UUID groupId, UUID roleId, UUID resourceId) {
}
