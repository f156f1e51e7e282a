package io.gatehouse.passwords;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every half minute, the memory native hashing left with glibc goes back to the system (see NativeHashMemory). */
@Component
class NativeHashMemoryTrimmer {

	@Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
	void trim() {
		NativeHashMemory.trimIfHashed();
	}
}
