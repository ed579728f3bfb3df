package io.energywatch.gateway.config;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat in front of the gateway: an encoded slash ({@code %2F}) goes on to Spring Security's firewall, which refuses
 * it as a 400 problem naming the reason (Tomcat's own refusal says only "Bad Request"); whatever Tomcat still refuses
 * itself is problem+json too (service-support's ProblemTomcatAutoConfiguration).
 */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesToTheFirewall() {
        return factory -> factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling(
                EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }
}
