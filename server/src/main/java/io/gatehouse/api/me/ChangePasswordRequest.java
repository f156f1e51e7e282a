package io.gatehouse.api.me;

record ChangePasswordRequest(String currentPassword, String newPassword) {
}
