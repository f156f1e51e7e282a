package io.gatehouse.api;

import java.util.List;

import io.gatehouse.shared.Actor;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class ApiWebConfiguration implements WebMvcConfigurer {

	static {
		// the Actor parameter of a controller is resolved from the credential (CurrentActor), not read from the
		// request: the OpenAPI document must not list it as a parameter a client could send
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
	}

	private final CurrentActor currentActor;

	ApiWebConfiguration(CurrentActor currentActor) {
		this.currentActor = currentActor;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(currentActor);
	}

	@Bean
	OpenAPI gatehouseOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Gatehouse API")
				.version("v1")
				.description("Users, credentials, tokens and access decisions. Errors are RFC 9457 problem details."))
			.components(new Components()
				.addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
				.addSecuritySchemes("session",
						new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE).name("GATEHOUSE_SESSION")))
			.addSecurityItem(new SecurityRequirement().addList("token"))
			.addSecurityItem(new SecurityRequirement().addList("session"));
	}
}
