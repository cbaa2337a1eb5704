package io.tradepilot.infrastructure;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Says once which servers the application runs on, and stops the embedded ones after the
 * connection pools that use them have closed (they depend on this bean, so they are destroyed first).
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedServersShutdown {

    static final String BEAN_NAME = "tradepilotEmbeddedServers";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedServersShutdown.class);

    @Bean(BEAN_NAME)
    DisposableBean tradepilotEmbeddedServers() {
        if (EmbeddedServers.embeddedInUse()) {
            EmbeddedServers.recoveries().forEach(log::warn);
            log.warn("Tradepilot is {} — set TRADEPILOT_DB_URL/TRADEPILOT_REDIS_URL for real servers",
                    EmbeddedServers.describe());
        } else {
            log.info("Tradepilot is {}", EmbeddedServers.describe());
        }
        return EmbeddedServers::stopAll;
    }

    @Bean
    static BeanFactoryPostProcessor connectionsDependOnEmbeddedServers() {
        return EmbeddedServersShutdown::addDependsOn;
    }

    private static void addDependsOn(ConfigurableListableBeanFactory beanFactory) {
        for (Class<?> type : new Class<?>[] {DataSource.class, RedisConnectionFactory.class}) {
            for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                String[] dependsOn = definition.getDependsOn();
                String[] extended = dependsOn == null ? new String[1] : java.util.Arrays.copyOf(dependsOn, dependsOn.length + 1);
                extended[extended.length - 1] = BEAN_NAME;
                definition.setDependsOn(extended);
            }
        }
    }
}
