package mcollective.plugins.security.aes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import mcollective.McollectiveException;
import mcollective.config.Config;
import mcollective.config.PluginConfig;
import mcollective.plugins.security.KeyFiles;
import mcollective.spi.Role;

/**
 * Every {@code plugin.aes.*} key aes_security.rb reads, checked once at start-up so that a mistake is one line
 * naming the key and the file rather than a refused message later. A client needs {@code client_private} and
 * {@code client_public} (or {@code MCOLLECTIVE_AES_PRIVATE} / {@code MCOLLECTIVE_AES_PUBLIC}); a node needs
 * {@code client_cert_dir}, and {@code server_private} / {@code server_public} only to send requests of its own
 * (registration): a missing one is reported when it is first needed, as in Ruby. Immutable.
 */
record AesSettings(
        Role role,
        AesSerializer serializer,
        boolean sendPubkey,
        boolean learnPubkeys,
        boolean insecureLearning,
        boolean enforceTtl,
        ClientCerts certs,
        OwnKeys ownKeys,
        String missingOwnKey) {

    /** This process's own key pair: the client's on a client, the server's on a node. */
    record OwnKeys(PrivateKey privateKey, String publicPem, String callerId) {}

    /** This process's keys, or the one-line reason they are not configured. */
    OwnKeys own() {
        if (ownKeys == null) {
            throw new McollectiveException(missingOwnKey);
        }
        return ownKeys;
    }

    /** The certificate directory of a node. */
    @Override
    public ClientCerts certs() {
        if (certs == null) {
            throw new McollectiveException("No plugin.aes.client_cert_dir configuration option specified");
        }
        return certs;
    }

    static AesSettings read(PluginConfig aes, Map<String, String> env, Role role) {
        AesSerializer serializer = AesSerializer.named(aes.get("serializer").orElse("marshal"));
        boolean sendPubkey = aes.get("send_pubkey").map("1"::equals).orElse(false);
        boolean learn = aes.getBool("learn_pubkeys", false);
        boolean insecure = aes.getBool("insecure_learning", false);
        boolean enforceTtl = !aes.get("enforce_ttl").map("0"::equals).orElse(false);
        Optional<Path> caCert = aes.get("ca_cert").map(Path::of);
        caCert.ifPresent(ca -> {
            try {
                KeyFiles.certificates(ca);
            } catch (McollectiveException e) {
                throw new McollectiveException("plugin.aes.ca_cert: " + e.getMessage(), e);
            }
        });
        ClientCerts certs = null;
        OwnKeys own = null;
        String missing = null;
        if (role == Role.CLIENT) {
            KeyRef privateRef = KeyRef.of(aes, env, "client_private", "MCOLLECTIVE_AES_PRIVATE");
            KeyRef publicRef = KeyRef.of(aes, env, "client_public", "MCOLLECTIVE_AES_PUBLIC");
            own = ownKeys(privateRef.required(), publicRef.required());
        } else {
            Path dir = aes.get("client_cert_dir")
                    .map(Path::of)
                    .orElseThrow(() ->
                            new McollectiveException("No plugin.aes.client_cert_dir configuration option specified"));
            if (!Files.isDirectory(dir)) {
                throw new McollectiveException("plugin.aes.client_cert_dir = " + dir + ": not a directory");
            }
            certs = new ClientCerts(dir, caCert);
            KeyRef privateRef = KeyRef.of(aes, env, "server_private", null);
            KeyRef publicRef = KeyRef.of(aes, env, "server_public", null);
            if (privateRef.file().isPresent() && publicRef.file().isPresent()) {
                own = ownKeys(privateRef, publicRef);
            } else if (privateRef.file().isPresent() || publicRef.file().isPresent()) {
                throw new McollectiveException((privateRef.file().isPresent() ? publicRef : privateRef).missing()
                        + " (plugin.aes.server_private and plugin.aes.server_public go together)");
            } else {
                missing = privateRef.missing();
            }
        }
        return new AesSettings(role, serializer, sendPubkey, learn, insecure, enforceTtl, certs, own, missing);
    }

    /** Where a key file is configured: a {@code plugin.aes.*} key, or an environment variable that overrides it. */
    private record KeyRef(String origin, Optional<Path> file, String key) {
        static KeyRef of(PluginConfig aes, Map<String, String> env, String key, String envVar) {
            if (envVar != null && env.containsKey(envVar)) {
                return new KeyRef(envVar, Optional.of(Path.of(env.get(envVar))), key);
            }
            return new KeyRef("plugin.aes." + key, aes.get(key).map(Path::of), key);
        }

        String missing() {
            return "No plugin.aes." + key + " configuration option specified";
        }

        KeyRef required() {
            if (file.isEmpty()) {
                throw new McollectiveException(missing());
            }
            return this;
        }
    }

    private static OwnKeys ownKeys(KeyRef privateRef, KeyRef publicRef) {
        Path privateFile = privateRef.file().orElseThrow();
        Path publicFile = publicRef.file().orElseThrow();
        PrivateKey privateKey;
        String publicPem;
        try {
            privateKey = KeyFiles.privateKey(privateFile, null);
        } catch (McollectiveException e) {
            throw new McollectiveException(privateRef.origin() + ": " + e.getMessage(), e);
        }
        if (!(privateKey instanceof RSAPrivateKey)) {
            throw new McollectiveException(privateRef.origin() + ": " + privateFile + " holds a "
                    + privateKey.getAlgorithm() + " key; aes_security needs an RSA key");
        }
        try {
            if (!(KeyFiles.publicKey(publicFile) instanceof RSAPublicKey)) {
                throw new McollectiveException(publicFile + " does not hold an RSA key; aes_security needs one");
            }
            publicPem = Files.readString(publicFile, StandardCharsets.UTF_8);
        } catch (McollectiveException e) {
            throw new McollectiveException(publicRef.origin() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new McollectiveException(publicRef.origin() + ": " + publicFile + ": " + e.getMessage(), e);
        }
        return new OwnKeys(privateKey, publicPem, callerId(publicPem, publicFile));
    }

    /** {@code callerid}: {@code cert=<CN>} of the public file's certificate, else {@code cert=<file name>}. */
    static String callerId(String publicPem, Path publicFile) {
        try {
            return "cert="
                    + ClientCerts.certnameOf(KeyFiles.certificates(publicPem, publicFile.toString())
                            .get(0));
        } catch (McollectiveException e) {
            return "cert=" + publicFile.getFileName().toString().replaceFirst("\\.pem$", "");
        }
    }

    /**
     * A fleet laid out as {@code reference/keys} is (see its README.txt): {@code private/mcoadmin-private.pem} and
     * {@code aes/clients/mcoadmin.pem} for the client, {@code server-private.pem} and {@code aes/server-cert.pem} for
     * nodes, {@code aes/clients} as the certificate directory.
     */
    static AesSettings forKeyDirectory(Path keyDir, Role role) {
        var builder = Config.builder().environment(Map.of());
        keyDirectoryLines(keyDir, role).forEach(builder::set);
        return read(builder.build().plugin("aes"), Map.of(), role);
    }

    static Map<String, String> keyDirectoryLines(Path keyDir, Role role) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("securityprovider", "aes_security");
        if (role == Role.CLIENT) {
            lines.put(
                    "plugin.aes.client_private",
                    keyDir.resolve("private/mcoadmin-private.pem").toString());
            lines.put(
                    "plugin.aes.client_public",
                    keyDir.resolve("aes/clients/mcoadmin.pem").toString());
        } else {
            lines.put(
                    "plugin.aes.server_private",
                    keyDir.resolve("server-private.pem").toString());
            lines.put(
                    "plugin.aes.server_public",
                    keyDir.resolve("aes/server-cert.pem").toString());
            lines.put(
                    "plugin.aes.client_cert_dir", keyDir.resolve("aes/clients").toString());
        }
        return lines;
    }
}
