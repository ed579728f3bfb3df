package io.energywatch.gateway.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * The accounts allowed through the gateway. Passwords are stored as BCrypt hashes ({@code {bcrypt}$2a$...}), never in
 * clear; production deployments provide them through the environment.
 *
 * @param users at least one account
 */
@Validated
@ConfigurationProperties("energywatch.gateway")
public record GatewayUsers(@NotEmpty @Valid List<User> users) {

    /**
     * @param name         login
     * @param passwordHash {@code {bcrypt}} hash of the password
     * @param roles        OPERATOR (read and feedback), INGESTOR (uploads), ADMIN (everything)
     */
    public record User(@NotBlank String name, @NotBlank @Pattern(regexp = "\\{bcrypt}.+") String passwordHash,
                       @NotEmpty List<@Pattern(regexp = "OPERATOR|INGESTOR|ADMIN") String> roles) {
    }
}
