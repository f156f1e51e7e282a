package io.gatehouse.access;

import java.util.UUID;

/** The resource every other resource is under: the Gatehouse instance itself. */
public final class Resources {

	public static final UUID INSTANCE = UUID.fromString("00000000-0000-0000-0000-000000000001");

	private Resources() {
	}
}
