package io.gatehouse.api.users;

import java.util.List;

record UserPageJson(List<UserJson> items, String nextCursor) {
}
