package io.energywatch.analytics.registry;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A model registry on a local disk: {@code <root>/<modelId>/<version>/metadata.json} and {@code artifact.bin}, and
 * {@code <root>/<modelId>/aliases.json}. Files are written to a temporary name and moved into place, so a reader never
 * sees half a version. Writers in one JVM are serialised; several processes must not write to the same root.
 *
 * <p>Ids and versions come from callers, so every folder is resolved against the root and must stay exactly one level
 * (model) or two levels (version) under it: an id such as {@code ../../etc} or an absolute path is no model here
 * (readers answer empty, writers refuse), whatever the API in front has checked.
 */
public final class LocalModelRegistry implements ModelRegistry {

    private static final String METADATA = "metadata.json";
    private static final String ARTIFACT = "artifact.bin";
    private static final String ALIASES = "aliases.json";
    private static final TypeReference<TreeMap<String, String>> ALIAS_MAP = new TypeReference<>() {
    };

    private final Path root;
    private final Path normalRoot;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public LocalModelRegistry(Path root) {
        this(root, Clock.systemUTC());
    }

    public LocalModelRegistry(Path root, Clock clock) {
        this.root = root;
        this.normalRoot = root.toAbsolutePath().normalize();
        this.clock = clock;
    }

    @Override
    public synchronized ModelVersion register(ModelRegistration r) {
        Path modelDir = modelDir(r.modelId()).orElseThrow(() -> outside(r.modelId()));
        int next = versions(r.modelId()).stream().mapToInt(v -> Integer.parseInt(v.version())).max().orElse(0) + 1;
        var version = new ModelVersion(r.modelId(), Integer.toString(next), r.kind(), r.algorithm(),
                r.trainingWindow(), r.parameters(), r.threshold(), r.featureProfiles(), r.trainingMetrics(),
                clock.instant(), sha256(r.artifact()));
        Path versionDir = modelDir.resolve(version.version());
        try {
            Files.createDirectories(versionDir);
            writeAtomically(versionDir.resolve(ARTIFACT), r.artifact());
            writeAtomically(versionDir.resolve(METADATA), json.writeValueAsBytes(version));
        } catch (IOException | JacksonException e) {
            throw new ModelRegistryException("cannot register " + r.modelId() + " version " + next, e);
        }
        return version;
    }

    @Override
    public Optional<ModelVersion> get(String modelId, String version) {
        Path versionDir = versionDir(modelId, version).orElse(null);
        if (versionDir == null) {
            return Optional.empty();
        }
        Path metadata = versionDir.resolve(METADATA);
        if (!Files.isRegularFile(metadata)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(Files.readAllBytes(metadata), ModelVersion.class));
        } catch (IOException | JacksonException e) {
            throw new ModelRegistryException("cannot read " + metadata, e);
        }
    }

    @Override
    public List<ModelVersion> versions(String modelId) {
        Path modelDir = modelDir(modelId).orElse(null);
        if (modelDir == null || !Files.isDirectory(modelDir)) {
            return List.of();
        }
        var versions = new ArrayList<ModelVersion>();
        try (var children = Files.list(modelDir)) {
            for (Path child : children.filter(Files::isDirectory).toList()) {
                String name = child.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    get(modelId, name).ifPresent(versions::add);
                }
            }
        } catch (IOException e) {
            throw new ModelRegistryException("cannot list " + modelDir, e);
        }
        versions.sort(Comparator.comparingInt(v -> Integer.parseInt(v.version())));
        return List.copyOf(versions);
    }

    /** Every model id with at least one folder under the root, sorted; a reader can then ask each for its aliases. */
    public List<String> modelIds() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (var children = Files.list(root)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new ModelRegistryException("cannot list " + root, e);
        }
    }

    @Override
    public byte[] artifact(String modelId, String version) {
        ModelVersion metadata = get(modelId, version)
                .orElseThrow(() -> new ModelRegistryException("no version " + version + " of " + modelId));
        try {
            byte[] bytes = Files.readAllBytes(versionDir(modelId, version).orElseThrow(() -> outside(modelId))
                    .resolve(ARTIFACT));
            if (!sha256(bytes).equals(metadata.artifactSha256())) {
                throw new ModelRegistryException("artifact of " + modelId + " version " + version
                        + " does not match its checksum");
            }
            return bytes;
        } catch (IOException e) {
            throw new ModelRegistryException("cannot read the artifact of " + modelId + " version " + version, e);
        }
    }

    @Override
    public synchronized void setAlias(String modelId, String alias, String version) {
        if (get(modelId, version).isEmpty()) {
            throw new ModelRegistryException("no version " + version + " of " + modelId + " to alias as " + alias);
        }
        var aliases = new TreeMap<>(aliases(modelId));
        aliases.put(alias, version);
        try {
            writeAtomically(modelDir(modelId).orElseThrow(() -> outside(modelId)).resolve(ALIASES),
                    json.writeValueAsBytes(aliases));
        } catch (IOException | JacksonException e) {
            throw new ModelRegistryException("cannot set alias " + alias + " of " + modelId, e);
        }
    }

    @Override
    public Optional<ModelVersion> byAlias(String modelId, String alias) {
        String version = aliases(modelId).get(alias);
        return version == null ? Optional.empty() : get(modelId, version);
    }

    private Map<String, String> aliases(String modelId) {
        Path modelDir = modelDir(modelId).orElse(null);
        if (modelDir == null) {
            return Map.of();
        }
        Path file = modelDir.resolve(ALIASES);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return json.readValue(Files.readAllBytes(file), ALIAS_MAP);
        } catch (IOException | JacksonException e) {
            throw new ModelRegistryException("cannot read " + file, e);
        }
    }

    /** The model's folder, a direct child of the root; empty when the id would name anything else. */
    private Optional<Path> modelDir(String modelId) {
        return child(normalRoot, modelId);
    }

    /** The version's folder, a direct child of the model's; empty when either would name anything else. */
    private Optional<Path> versionDir(String modelId, String version) {
        return modelDir(modelId).flatMap(dir -> child(dir, version));
    }

    private static Optional<Path> child(Path parent, String name) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path resolved = parent.resolve(name).normalize();
            return parent.equals(resolved.getParent()) ? Optional.of(resolved) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static ModelRegistryException outside(String modelId) {
        return new ModelRegistryException("model id '" + modelId + "' does not name a folder directly under the "
                + "registry's root");
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
