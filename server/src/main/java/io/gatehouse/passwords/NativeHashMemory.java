package io.gatehouse.passwords;

import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Gives the native Argon2 working memory back to the system once hashing pauses. The reference library mallocs its
 * 7 MiB per hash and glibc keeps freed blocks of that size in its arenas, so a server that once hashed four
 * passwords at a time holds some 30 MB it no longer uses. Returning it after every hash would cost the page faults
 * of a fresh 7 MiB per hash (a fifth of the hash rate on this project's machine); trimming on a timer costs them
 * once per pause. Done by hand because no library exposes {@code malloc_trim}; a no-op off glibc. It logs nothing,
 * so that the benchmarks can use the hasher without a logging library.
 */
final class NativeHashMemory {

	private static final AtomicBoolean hashedSinceTrim = new AtomicBoolean();

	private NativeHashMemory() {
	}

	interface CLibrary extends Library {

		int malloc_trim(long pad);

	}

	static void hashed() {
		hashedSinceTrim.lazySet(true);
	}

	/** Returns the free memory of glibc's arenas to the system if a hash ran since the last call. */
	static void trimIfHashed() {
		if (!hashedSinceTrim.getAndSet(false) || !Platform.isLinux() || Platform.isAndroid()) {
			return;
		}
		try {
			Native.load("c", CLibrary.class).malloc_trim(0);
		}
		catch (Throwable ex) {
			// musl or another C library without malloc_trim: its allocator decides, nothing is lost but memory
		}
	}
}
