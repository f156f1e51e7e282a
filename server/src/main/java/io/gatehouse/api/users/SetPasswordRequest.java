package io.gatehouse.api.users;

record SetPasswordRequest(String password, String confirmPassword) {
}
