# Chef report handler that tells mcollectived what Chef made of this node, as zts/cookbook-mcollective's
# MCollective::ClassList did: the expanded roles and recipes go to the classes file (-C role.base,
# -C recipe.nginx::default) and chef_environment plus a whitelist of automatic attributes go to a YAML
# facts file (-F chef_environment=prod, -F platform=ubuntu). Install and configure: etc/chef/README.md.
#
# MCollective::ChefFacts holds the logic as plain functions over plain data, so it runs without Chef;
# MCollective::ChefHandler is the thin Chef::Handler around it.

require 'yaml'

begin
  require 'chef/handler' unless defined?(::Chef::Handler)
rescue LoadError
  # No Chef here (a test, or a syntax check): only MCollective::ChefFacts is defined.
end

module MCollective
  module ChefFacts
    DEFAULT_CLASSESFILE = '/var/tmp/chefnode.txt'.freeze
    DEFAULT_FACTSFILE = '/etc/mcollective/facts.yaml'.freeze
    # The original handler's whitelist (less its site-specific "instmaint"). An entry is a dotted prefix:
    # "cpu" keeps cpu.total and cpu.0.model_name; "cpu.total" keeps only that.
    DEFAULT_WHITELIST = %w[fqdn hostname domain ipaddress macaddress os os_version platform platform_version
                           ohai_time uptime uptime_seconds chef_packages keys virtualization cpu memory].freeze

    module_function

    # The classes file lines: role.<name> for each role, recipe.<cookbook>::<recipe> for each recipe
    # ("nginx" is normalised to nginx::default, a version pin "nginx@1.2.0" is dropped); sorted, unique.
    def classes(roles, recipes)
      lines = roles.map { |role| "role.#{role}" }
      recipes.each do |recipe|
        name = recipe.to_s.sub(/@.*\z/, '')
        lines << "recipe.#{name.include?('::') ? name : "#{name}::default"}"
      end
      lines.sort.uniq
    end

    # The facts: chef_environment plus the whitelisted attributes flattened to dotted keys with String
    # values (arrays joined with ", "). With blocked, "blocked.<key>" => "true" for every top-level key
    # the whitelist skips, as the original handler wrote.
    def facts(chef_environment, attributes, whitelist = DEFAULT_WHITELIST, blocked = false)
      tops = whitelist.map { |entry| entry.split('.', 2).first }.uniq
      result = {}
      tops.each { |top| flatten(top, attributes[top], result) if attributes.key?(top) }
      result.select! { |key, _| whitelist.any? { |entry| key == entry || key.start_with?("#{entry}.") } }
      (attributes.keys.map(&:to_s) - tops).each { |key| result["blocked.#{key}"] = 'true' } if blocked
      result['chef_environment'] = chef_environment.to_s
      result.sort.to_h
    end

    def flatten(key, value, result)
      if value.is_a?(Hash)
        value.each_pair { |child, child_value| flatten("#{key}.#{child}", child_value, result) }
      else
        result[key] = value.is_a?(Array) ? value.join(', ') : value.to_s
      end
      result
    end

    def classes_text(lines)
      lines.map { |line| "#{line}\n" }.join
    end

    def facts_yaml(facts)
      YAML.dump(facts)
    end

    # Replaces path with content through a temporary file in the same folder and a rename, so
    # mcollectived never reads a half-written file; does nothing if the file already holds content.
    # Returns whether it wrote.
    def write_if_changed(path, content, mode = 0o644)
      return false if File.file?(path) && File.binread(path) == content

      temp = File.join(File.dirname(path), ".#{File.basename(path)}.#{Process.pid}.tmp")
      begin
        File.open(temp, 'wb') do |file|
          file.write(content)
          file.fsync
        end
        File.chmod(mode, temp)
        File.rename(temp, path)
      ensure
        File.unlink(temp) if File.exist?(temp)
      end
      true
    end
  end

  if defined?(::Chef::Handler)
    # report_handlers << MCollective::ChefHandler.new(classesfile: '...', factsfile: '...',
    #                                                fact_whitelist: [...], blocked_facts: false)
    # A nil classesfile or factsfile turns that file off.
    class ChefHandler < ::Chef::Handler
      attr_reader :options

      def initialize(options = {})
        super()
        opts = options.each_with_object({}) { |(key, value), all| all[key.to_sym] = value }
        @options = {
          classesfile: opts.fetch(:classesfile, ChefFacts::DEFAULT_CLASSESFILE),
          factsfile: opts.fetch(:factsfile, ChefFacts::DEFAULT_FACTSFILE),
          fact_whitelist: Array(opts.fetch(:fact_whitelist, ChefFacts::DEFAULT_WHITELIST)).map(&:to_s),
          blocked_facts: opts.fetch(:blocked_facts, false)
        }
      end

      def report
        node = run_status.node
        if options[:classesfile]
          lines = ChefFacts.classes(Array(node['roles']), Array(node['recipes']) + loaded_recipes)
          written(options[:classesfile], ChefFacts.write_if_changed(options[:classesfile],
                                                                    ChefFacts.classes_text(lines)))
        end
        return unless options[:factsfile]

        facts = ChefFacts.facts(node.chef_environment, node.automatic_attrs, options[:fact_whitelist],
                                options[:blocked_facts])
        written(options[:factsfile], ChefFacts.write_if_changed(options[:factsfile], ChefFacts.facts_yaml(facts)))
      end

      private

      # Recipes pulled in with include_recipe, which the expanded run list does not show (Chef >= 11).
      def loaded_recipes
        context = run_status.run_context
        context.respond_to?(:loaded_recipes) ? Array(context.loaded_recipes) : []
      end

      def written(path, changed)
        ::Chef::Log.info("MCollective: #{changed ? 'wrote' : 'unchanged'} #{path}") if defined?(::Chef::Log)
      end
    end
  end
end
