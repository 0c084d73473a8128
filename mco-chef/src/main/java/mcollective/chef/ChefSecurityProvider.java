package mcollective.chef;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import mcollective.McollectiveException;
import mcollective.SecurityValidationFailedException;
import mcollective.config.PluginConfig;
import mcollective.plugins.security.KeyFiles;
import mcollective.plugins.security.x509.SignedSecurityProvider;
import mcollective.spi.PluginContext;
import mcollective.spi.Role;
import mcollective.spi.support.SecurityEnvelope;

/**
 * {@code securityprovider = chef}: messages signed with the keys Chef already holds. A client signs with its Chef
 * client key (the one knife uses) and calls itself {@code chef=<node_name>}; a node checks the signature against
 * the public key the Chef server holds for that client or user, fetched as the node's own Chef client and cached
 * for {@code plugin.chef.key_cache_ttl} seconds (default 300), so deleting the client on the server revokes it.
 * Replies are signed with the node's Chef client key and checked against the server's key of the client named as
 * the reply's sender. The envelope is x509's ({@link SignedSecurityProvider}, docs/x509-security.md) with scheme
 * {@code chef} and no certificate. Not a port: MCollective 2.12.5 has no such plugin.
 *
 * <p>UNFINISHED: compiles, but has no unit test nor goiardi IT yet, and no docs; do not ship it unreviewed.
 */
public final class ChefSecurityProvider extends SignedSecurityProvider {
    static final int DEFAULT_KEY_CACHE_TTL = 300;

    private ChefKeys keys;

    @Override
    public String name() {
        return "chef";
    }

    @Override
    public void init(PluginContext context) {
        PluginConfig plugin = context.config().plugin("chef");
        Optional<Path> home = Optional.ofNullable(context.env().get("HOME")).map(Path::of);
        boolean node = context.service(Role.class).orElse(Role.CLIENT) == Role.NODE;
        KnifeConfig knife = node
                ? KnifeConfig.forNode(plugin, context.config().identity(), home)
                : KnifeConfig.resolve(plugin, home);
        int ttl = plugin.getInt("key_cache_ttl").orElse(DEFAULT_KEY_CACHE_TTL);
        if (ttl < 0) {
            throw new McollectiveException("plugin.chef.key_cache_ttl = " + ttl + ": must be 0 or more seconds");
        }
        keys = new ChefKeys(ChefApi.connect(knife, plugin), Duration.ofSeconds(ttl), context.clock());
        String origin = "plugin.chef.client_key = " + knife.clientKey();
        try {
            signWith(
                    new Identity(
                            KeyFiles.privateKey(knife.clientKey(), null), "chef=" + knife.nodeName(), Optional.empty()),
                    origin);
        } catch (McollectiveException e) {
            throw new McollectiveException("plugin.chef.client_key = " + e.getMessage(), e);
        }
    }

    @Override
    protected PublicKey callerKey(String callerId, SecurityEnvelope.Received envelope) {
        if (!callerId.startsWith("chef=")) {
            throw new SecurityValidationFailedException("Caller " + callerId + " is not a chef=<name> callerid");
        }
        return keys.key(callerId.substring("chef=".length()), List.of("clients", "users"), "caller " + callerId);
    }

    @Override
    protected PublicKey senderKey(String senderId, SecurityEnvelope.Received envelope) {
        return keys.key(senderId, List.of("clients"), "node " + senderId);
    }
}
