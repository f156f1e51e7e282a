package io.gatehouse.shared;

/** One broken rule on one input field: what a client needs to put the right message next to the right box. */
public record FieldViolation(String field, String rule, String message) {
}
