package mcollective.plugins.authorization;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;
import mcollective.config.ConfigException;
import mcollective.config.PluginConfig;
import mcollective.logging.LogSafe;
import mcollective.spi.AuthorizationDecision;
import mcollective.spi.AuthorizationProvider;
import mcollective.spi.AuthorizationRequest;
import mcollective.spi.NodeInfo;
import mcollective.spi.PluginContext;

/**
 * {@code rpcauthprovider = action_policy}: port of {@code util/actionpolicy.rb} (choria-legacy/
 * mcollective-actionpolicy-auth). A request to agent {@code A} is decided by {@code <configdir>/policies/A.policy},
 * else (with {@code plugin.actionpolicy.enable_default}) by {@code <configdir>/policies/<default_name>.policy}, else
 * by {@code plugin.actionpolicy.allow_unconfigured}. In the policy the first rule that matches wins; no match leaves
 * the {@code policy default}, or {@code allow_unconfigured} where the file has none. Group names in the callers field
 * come from {@code <configdir>/policies/groups}.
 *
 * <p>Files are read again when their modification time or size changes. Unlike Ruby, it fails closed: a policy or
 * groups file with a line it cannot understand, one it cannot read, or a rule whose facts or classes cannot be
 * evaluated denies the request; the problem is logged once, naming the file and line (ADR 008). Thread-safe.
 */
public final class ActionPolicyAuthorizationProvider implements AuthorizationProvider {
    private static final Logger LOG = LoggerFactory.getLogger(ActionPolicyAuthorizationProvider.class);
    /** Ruby's {@code =~ /^1|y/i}: a leading 1, or a y anywhere. */
    private static final Pattern RUBY_YES = Pattern.compile("^1|y", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private static final Pattern NAME = Pattern.compile("[\\w][\\w.\\-]*");
    private static final int MAX_REPORTED = 1024;

    private Path policies;
    private boolean allowUnconfigured;
    private boolean enableDefault;
    private String defaultName = "default";
    private final Map<Path, WatchedFile<PolicyFile>> files = new ConcurrentHashMap<>();
    private WatchedFile<Groups> groups;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    @Override
    public String name() {
        return "action_policy";
    }

    /** Reads {@code plugin.actionpolicy.*} (the Ruby plugin's section, not {@code plugin.action_policy}). */
    @Override
    public void init(PluginContext context) {
        PluginConfig settings = context.config().plugin("actionpolicy");
        allowUnconfigured = yes(settings, "allow_unconfigured");
        enableDefault = yes(settings, "enable_default");
        defaultName = settings.get("default_name").map(String::strip).orElse("default");
        if (!NAME.matcher(defaultName).matches()) {
            throw new ConfigException(
                    "plugin.actionpolicy.default_name = '" + defaultName + "' is not a file name ([\\w.-]+)");
        }
        Path configFile = context.config()
                .configFile()
                .orElseThrow(() -> new ConfigException(
                        "rpcauthprovider action_policy reads <configdir>/policies, but this configuration was not read"
                                + " from a file"));
        Path configdir = configFile.toAbsolutePath().getParent();
        policies = configdir.resolve("policies");
        groups = new WatchedFile<>(policies.resolve("groups"), Groups::parse);
    }

    private static boolean yes(PluginConfig settings, String key) {
        Optional<String> value = settings.get(key);
        boolean yes = value.map(v -> RUBY_YES.matcher(v).find()).orElse(false);
        String lower = value.map(v -> v.strip().toLowerCase(Locale.ROOT)).orElse("");
        if (!yes && (lower.equals("true") || lower.equals("t") || lower.equals("on"))) {
            LOG.warn(
                    "plugin.actionpolicy.{} = {} counts as off, as in Ruby's actionpolicy, which takes only 1 or y",
                    key,
                    LogSafe.of(value.get()));
        }
        return yes;
    }

    @Override
    public AuthorizationDecision authorize(AuthorizationRequest request, NodeInfo node) {
        if (!NAME.matcher(request.agent()).matches()) {
            return AuthorizationDecision.deny("agent name '" + LogSafe.of(request.agent()) + "' names no policy file");
        }
        try {
            Optional<PolicyFile> policy = lookup(request.agent());
            if (policy.isEmpty()) {
                return allowUnconfigured
                        ? AuthorizationDecision.allow()
                        : AuthorizationDecision.deny("Could not load any valid policy files. Denying based on"
                                + " allow_unconfigured: false");
            }
            return decide(policy.get(), request, node);
        } catch (IOException e) {
            return refuse("Cannot read policy " + e.getMessage());
        }
    }

    /** Ruby's {@code lookup_policy_file}: the agent's policy, else the default one where enabled. */
    private Optional<PolicyFile> lookup(String agent) throws IOException {
        Optional<PolicyFile> own = read(policies.resolve(agent + ".policy"));
        if (own.isPresent() || !enableDefault) {
            return own;
        }
        return read(policies.resolve(defaultName + ".policy"));
    }

    private Optional<PolicyFile> read(Path path) throws IOException {
        WatchedFile<PolicyFile> file =
                files.computeIfAbsent(path, p -> new WatchedFile<>(p, ActionPolicyAuthorizationProvider::parsed));
        try {
            return file.current();
        } catch (IOException e) {
            throw new IOException(path + ": " + e.getMessage(), e);
        }
    }

    /** Parses a new version of a policy file and logs its errors, once per version. */
    private static PolicyFile parsed(Path path, String text) {
        PolicyFile policy = PolicyFile.parse(path, text);
        policy.errors().forEach(error -> LOG.error("{}; denying every request it governs", error));
        return policy;
    }

    private AuthorizationDecision decide(PolicyFile policy, AuthorizationRequest request, NodeInfo node)
            throws IOException {
        if (!policy.errors().isEmpty()) {
            return AuthorizationDecision.deny(policy.errors().get(0));
        }
        Groups members = currentGroups();
        if (!members.errors().isEmpty()) {
            return AuthorizationDecision.deny(members.errors().get(0));
        }
        String file = policy.path().getFileName().toString();
        for (PolicyRule rule : policy.rules()) {
            boolean matches;
            try {
                matches = rule.matches(request, node, members.members());
            } catch (McollectiveException e) {
                return refuse(policy.path() + ":" + rule.line() + ": cannot evaluate the rule: " + e.getMessage());
            }
            if (matches) {
                return rule.allow()
                        ? AuthorizationDecision.allow()
                        : AuthorizationDecision.deny("Denying based on explicit 'deny' policy rule in policyfile: "
                                + file + ":" + rule.line());
            }
        }
        return policy.defaultAllow().orElse(allowUnconfigured)
                ? AuthorizationDecision.allow()
                : AuthorizationDecision.deny("Denying based on default policy in " + file);
    }

    private Groups currentGroups() throws IOException {
        Optional<Groups> parsed;
        try {
            parsed = groups.current();
        } catch (IOException e) {
            throw new IOException(groups.path() + ": " + e.getMessage(), e);
        }
        parsed.ifPresent(g -> g.errors().forEach(error -> report(error + "; denying every request")));
        return parsed.orElse(Groups.NONE);
    }

    /** A denial for a problem of the node's own files: logged at error once, whatever the number of requests. */
    private AuthorizationDecision refuse(String problem) {
        report(problem);
        return AuthorizationDecision.deny(problem);
    }

    private void report(String problem) {
        if (reported.size() > MAX_REPORTED) {
            reported.clear();
        }
        if (reported.add(problem)) {
            LOG.error("{}", LogSafe.of(problem));
        }
    }
}
