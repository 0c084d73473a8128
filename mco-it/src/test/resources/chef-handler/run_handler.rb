# Runs MCollective::ChefHandler as chef-client would at the end of a run, without Chef: a stub
# Chef::Handler and a node made from a node document as the Chef server stores it.
#
#   ruby run_handler.rb HANDLER_RB NODE_JSON OPTIONS_JSON
#
# OPTIONS_JSON is the handler's constructor hash (classesfile, factsfile, fact_whitelist, blocked_facts).
require 'json'

module Chef
  class Handler
    attr_reader :run_status

    # What Chef::Client does for each report handler.
    def run_report_safely(run_status)
      @run_status = run_status
      report
    end
  end
end

handler_rb, node_json, options_json = ARGV
load handler_rb

# The parts of Chef::Node the handler reads: [] over the merged attributes, chef_environment, automatic_attrs.
class StubNode
  def initialize(doc)
    @doc = doc
  end

  def [](key)
    %w[automatic override normal default].map { |level| @doc.fetch(level, {}) }.find { |a| a.key?(key) }&.fetch(key)
  end

  def chef_environment
    @doc['chef_environment']
  end

  def automatic_attrs
    @doc['automatic']
  end
end

RunStatus = Struct.new(:node, :run_context)
RunContext = Struct.new(:loaded_recipes)

options = JSON.parse(File.read(options_json))
loaded = options.delete('loaded_recipes') || []
MCollective::ChefHandler.new(options)
                        .run_report_safely(RunStatus.new(StubNode.new(JSON.parse(File.read(node_json))),
                                                         RunContext.new(loaded)))
