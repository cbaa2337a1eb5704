package io.tradepilot.testing;

import io.tradepilot.security.ApiTokenService;
import io.tradepilot.security.UserAdministration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Beans every integration test context gets. */
@TestConfiguration(proxyBeanMethods = false)
class IntegrationTestConfiguration {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    @Bean
    TestUsers testUsers(UserAdministration administration, ApiTokenService tokens, UserDetailsService users,
                        SecurityContextHolderStrategy contexts) {
        return new TestUsers(administration, tokens, users, contexts);
    }
}
