package io.gatehouse.applications;

/** An application just registered, or given a new secret: the only moment its secret is known (null for public). */
public record RegisteredApplication(Application application, String clientSecret) {
}
