package io.gatehouse;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every half minute, gives the memory glibc holds free back to the system. glibc keeps what a process frees for the
 * next malloc: the 7 MiB of every native Argon2 hash (a server that once hashed four passwords at a time holds some
 * 30 MB it no longer uses), and the arenas the JIT compilers free after a burst of compiling. Returning the hash
 * memory after every hash would cost a fresh 7 MiB of page faults per hash (a fifth of the hash rate on this
 * project's machine); trimming on a timer costs them once per pause. This is what the JVM's
 * {@code -XX:TrimNativeHeapInterval} does, done here so that a server started without the flag gets it too. By hand
 * through JNA because no library exposes {@code malloc_trim}; a no-op off glibc.
 */
@Component
class NativeMemoryTrimmer {

	interface CLibrary extends Library {

		int malloc_trim(long pad);

	}

	private volatile CLibrary c;

	private volatile boolean unavailable = !Platform.isLinux() || Platform.isAndroid();

	@Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
	void trim() {
		if (unavailable) {
			return;
		}
		try {
			if (c == null) {
				c = Native.load("c", CLibrary.class);
			}
			c.malloc_trim(0);
		}
		catch (Throwable ex) {
			// musl or another C library without malloc_trim: its allocator decides, nothing is lost but memory
			unavailable = true;
		}
	}
}
