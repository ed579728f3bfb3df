package io.energywatch.service.web;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * What Tomcat refuses itself, before Spring sees the request (an encoded slash in the path, a request line or header
 * past its buffer), is answered as problem+json by every servlet service and the gateway, like every other error.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(TomcatServletWebServerFactory.class)
public class ProblemTomcatAutoConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                useProblemReports(context.getParent());
            }
        }));
    }

    /** Replaces the host's error report valves (Tomcat's and the one Spring Boot adds) with the problem+json one. */
    private static void useProblemReports(Container host) {
        if (host instanceof StandardHost standard) {
            standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        }
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
        boolean present = false;
        for (Valve valve : host.getPipeline().getValves()) {
            present |= valve instanceof ProblemErrorReportValve;
        }
        if (!present) {
            host.getPipeline().addValve(new ProblemErrorReportValve());
        }
    }
}
