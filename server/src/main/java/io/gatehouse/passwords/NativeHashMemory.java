package io.gatehouse.passwords;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes glibc give the native Argon2 working memory back to the system after every hash. The reference library
 * mallocs its 7 MiB per hash; glibc's default raises its mmap threshold to that size after the first free and then
 * keeps such blocks in its arenas, so a server that once hashed four passwords at a time holds some 60 MB it no
 * longer uses. Above a fixed 4 MiB threshold those blocks are mapped and unmapped instead, at the cost of the page
 * faults of one fresh mapping per hash. Done by hand because no library exposes {@code mallopt}; a no-op off glibc.
 */
final class NativeHashMemory {

	private static final Logger logger = LoggerFactory.getLogger(NativeHashMemory.class);

	// M_MMAP_THRESHOLD in glibc's malloc.h
	private static final int M_MMAP_THRESHOLD = -3;

	private static final int THRESHOLD_BYTES = 4 * 1024 * 1024;

	private NativeHashMemory() {
	}

	interface CLibrary extends Library {

		int mallopt(int param, int value);

	}

	static void returnAfterEachHash() {
		if (!Platform.isLinux() || Platform.isAndroid()) {
			return;
		}
		try {
			CLibrary libc = Native.load("c", CLibrary.class);
			if (libc.mallopt(M_MMAP_THRESHOLD, THRESHOLD_BYTES) != 1) {
				logger.debug("mallopt(M_MMAP_THRESHOLD) refused; native hash memory stays with the allocator");
			}
		}
		catch (Throwable ex) {
			// musl or another C library without mallopt: its allocator decides, nothing is lost but memory
			logger.debug("mallopt is not available: {}", ex.toString());
		}
	}
}
