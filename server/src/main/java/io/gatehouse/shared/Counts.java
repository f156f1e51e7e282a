package io.gatehouse.shared;

/** A count in words as people write it: "1 resource", "2 resources", never "resource(s)". */
public final class Counts {

	private Counts() {
	}

	public static String of(long count, String one, String many) {
		return count + " " + (count == 1 ? one : many);
	}
}
