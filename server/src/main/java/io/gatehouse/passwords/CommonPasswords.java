package io.gatehouse.passwords;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.Dictionary;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.sort.ArraysSort;

/**
 * The most common leaked passwords, from the frequency-ranked list that ships inside zxcvbn.
 */
final class CommonPasswords {

	static final int COUNT = 10_000;

	private static final String RESOURCE = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

	private CommonPasswords() {
	}

	/** {@link #COUNT} with a thousands separator, for messages: "10,000". */
	static String formattedCount() {
		return String.format(Locale.ROOT, "%,d", COUNT);
	}

	/** The top {@link #COUNT}, matched case-insensitively; loaded on first use and shared. */
	static Dictionary dictionary() {
		return Holder.DICTIONARY;
	}

	static List<String> load(int count) {
		InputStream stream = CommonPasswords.class.getResourceAsStream(RESOURCE);
		if (stream == null) {
			throw new IllegalStateException("Common password list " + RESOURCE + " is missing from the classpath");
		}
		List<String> words = new ArrayList<>(count);
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
			String line;
			while (words.size() < count && (line = reader.readLine()) != null) {
				if (!line.isBlank()) {
					words.add(line.strip().toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read common password list " + RESOURCE, ex);
		}
		if (words.size() < count) {
			throw new IllegalStateException("Common password list " + RESOURCE + " has only " + words.size() + " entries");
		}
		return words;
	}

	private static final class Holder {

		static final Dictionary DICTIONARY = new WordListDictionary(
				new ArrayWordList(load(COUNT).toArray(String[]::new), false, new ArraysSort()));

	}

}
