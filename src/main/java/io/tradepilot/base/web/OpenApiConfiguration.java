package io.tradepilot.base.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs}: every endpoint needs a personal API token. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String API_TOKEN = "apiToken";

    @Bean
    OpenAPI tradepilotOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Tradepilot API").version("v1")
                        .description("Trading controls and state. Authenticate with a personal API token "
                                + "(created under 'API tokens' in the web app): 'Authorization: Bearer tp_...'. "
                                + "Errors are RFC 9457 problem details (application/problem+json)."))
                .components(new Components().addSecuritySchemes(API_TOKEN, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("tp_<random>")))
                .addSecurityItem(new SecurityRequirement().addList(API_TOKEN));
    }
}
