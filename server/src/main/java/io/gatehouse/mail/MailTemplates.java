package io.gatehouse.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a {@link MailTemplate} with Thymeleaf: the HTML body escapes every value, the text body is plain text.
 * Every template also gets the instance name, the base URL and, for a {@code link}, the absolute {@code url}.
 */
@Component
class MailTemplates {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

	private final TemplateEngine engine = new TemplateEngine();

	private final Properties subjects = new Properties();

	private final MailSettings settings;

	MailTemplates(MailSettings settings) {
		this.settings = settings;
		engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
		engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
		try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream("mail/subjects.properties")) {
			subjects.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("mail/");
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}

	RenderedMail render(OutgoingMail mail) {
		Map<String, Object> variables = new HashMap<>(mail.variables());
		variables.put("instanceName", settings.instanceName());
		variables.put("baseUrl", settings.baseUrl());
		if (mail.variables().get("link") instanceof String link) {
			variables.put("url", settings.baseUrl() + link);
		}
		Context context = new Context(java.util.Locale.ENGLISH, variables);
		String name = mail.template().file;
		String html = engine.process(name + ".html", context);
		String text = engine.process(name + ".txt", context);
		return new RenderedMail(mail.to(), name, subject(name, variables), text, html);
	}

	/** Subjects are one line with {@code {name}} placeholders: a template engine would be more than they need. */
	private String subject(String name, Map<String, Object> variables) {
		String pattern = subjects.getProperty(name);
		if (pattern == null) {
			throw new IllegalStateException("No subject for the mail template " + name);
		}
		Matcher matcher = PLACEHOLDER.matcher(pattern);
		StringBuilder subject = new StringBuilder();
		while (matcher.find()) {
			Object value = variables.get(matcher.group(1));
			matcher.appendReplacement(subject, Matcher.quoteReplacement(value == null ? "" : value.toString()));
		}
		matcher.appendTail(subject);
		// a header must stay one line whatever a variable holds
		return subject.toString().replaceAll("[\\r\\n]+", " ");
	}
}
