package io.energywatch.testsupport;

import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

import java.util.HashMap;
import java.util.List;

/**
 * Makes every Spring test context of a module that uses test-support trust {@link TestTokens}, ahead of the local
 * profile's key file (which exists only where ./energywatch ran).
 */
public final class TestTokensContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new Trust();
    }

    private record Trust() implements ContextCustomizer {
        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                                     org.springframework.test.context.MergedContextConfiguration merged) {
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("energywatch-test-tokens", new HashMap<>(TestTokens.properties())));
        }
    }
}
