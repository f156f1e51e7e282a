package io.gatehouse.tokens;

import java.util.UUID;

/** What a valid token proves: which token, of which user. Whether that user may act is checked by the caller. */
public record TokenGrant(UUID tokenId, UUID userId) {
}
