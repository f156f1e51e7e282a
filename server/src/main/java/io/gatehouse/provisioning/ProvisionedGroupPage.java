package io.gatehouse.provisioning;

import java.util.List;

public record ProvisionedGroupPage(long total, List<ProvisionedGroup> groups) {
}
