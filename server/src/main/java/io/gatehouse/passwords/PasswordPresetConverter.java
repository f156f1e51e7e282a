package io.gatehouse.passwords;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads {@code gatehouse.passwords.preset} like Spring reads an enum (any case, {@code -} or {@code _}), and also a
 * {@linkplain PasswordPreset#FORMER_CODES former code}, so a configuration written before a rename still starts. It
 * warns, so the operator updates the configuration before the former code is dropped.
 */
@Component
@ConfigurationPropertiesBinding
class PasswordPresetConverter implements Converter<String, PasswordPreset> {

	private static final Logger log = LoggerFactory.getLogger(PasswordPresetConverter.class);

	@Override
	public PasswordPreset convert(String source) {
		String code = source.strip().toLowerCase(Locale.ROOT);
		if (code.isEmpty()) {
			// as Spring's own enum conversion: an empty value is no value, and the default applies
			return null;
		}
		PasswordPreset renamed = PasswordPreset.FORMER_CODES.get(code);
		if (renamed != null) {
			String current = renamed.name().toLowerCase(Locale.ROOT);
			log.warn("gatehouse.passwords.preset={} is deprecated and read as {}: set gatehouse.passwords.preset={}",
					code, current, current);
			return renamed;
		}
		return PasswordPreset.valueOf(code.replace('-', '_').toUpperCase(Locale.ROOT));
	}

}
