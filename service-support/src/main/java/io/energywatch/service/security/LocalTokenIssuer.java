package io.energywatch.service.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The platform's own token issuer for installations without an identity provider: an RSA key pair kept as two PEM
 * files (the private one readable by its owner only), and RS256 tokens minted with it. The services only ever read the
 * public key ({@code energywatch.security.jwt.public-key-location}).
 */
public final class LocalTokenIssuer {

    public static final String PUBLIC_KEY_FILE = "jwt-public.pem";
    public static final String PRIVATE_KEY_FILE = "jwt-private.pem";

    private final RSAPrivateKey privateKey;
    private final RSAPublicKey publicKey;
    private final String issuer;
    private final String audience;

    public LocalTokenIssuer(KeyPair keys, String issuer, String audience) {
        this.privateKey = (RSAPrivateKey) keys.getPrivate();
        this.publicKey = (RSAPublicKey) keys.getPublic();
        this.issuer = issuer;
        this.audience = audience;
    }

    /** A new 2048-bit RSA key pair. */
    public static KeyPair generateKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available in this JVM", e);
        }
    }

    /** The key pair in {@code directory}, generated and written there first if it is not there yet. */
    public static KeyPair loadOrCreate(Path directory) throws IOException {
        Path publicFile = directory.resolve(PUBLIC_KEY_FILE);
        Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
        if (Files.exists(publicFile) && Files.exists(privateFile)) {
            return load(publicFile, privateFile);
        }
        KeyPair keys = generateKeys();
        Files.createDirectories(directory);
        writePem(privateFile, "PRIVATE KEY", keys.getPrivate().getEncoded());
        try {
            Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // A file system without POSIX permissions (Windows): the directory's ACLs protect it.
        }
        writePem(publicFile, "PUBLIC KEY", keys.getPublic().getEncoded());
        return keys;
    }

    public static KeyPair load(Path publicFile, Path privateFile) throws IOException {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new KeyPair(rsa.generatePublic(new X509EncodedKeySpec(readPem(publicFile))),
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(readPem(privateFile))));
        } catch (GeneralSecurityException e) {
            throw new IOException("not an RSA key pair in PEM: " + publicFile + ", " + privateFile, e);
        }
    }

    public static void writePem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }

    private static byte[] readPem(Path file) throws IOException {
        return decodePem(Files.readString(file));
    }

    /** The DER bytes of a PEM block of any type. */
    static byte[] decodePem(String pem) {
        return Base64.getDecoder().decode(pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    /** An RSA public key from its PEM text ({@code -----BEGIN PUBLIC KEY-----}). */
    public static RSAPublicKey publicKey(String pem) throws GeneralSecurityException {
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(decodePem(pem)));
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /**
     * A signed token.
     *
     * @param subject who calls: a person's login or a machine client's id (its author name on feedback)
     * @param roles   the roles claim
     * @param ttl     lifetime from {@code now}
     */
    public String mint(String subject, List<Role> roles, Duration ttl, Instant now) {
        return sign(new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", roles.stream().map(Role::claimValue).toList())
                .build());
    }

    /** Signs any claims, for callers (and tests) that need a token this issuer would not mint. */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                    claims);
            jwt.sign(new RSASSASigner(privateKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }
}
