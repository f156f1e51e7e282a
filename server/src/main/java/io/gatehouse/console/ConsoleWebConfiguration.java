package io.gatehouse.console;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class ConsoleWebConfiguration implements WebMvcConfigurer {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new ConsoleUserResolver());
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		// people type the host name: the console is what a browser should land on
		registry.addRedirectViewController("/", "/console");
	}
}
