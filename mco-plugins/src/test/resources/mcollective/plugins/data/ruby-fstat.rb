# Prints, for each path in ARGV, Ruby MCollective 2.12.5's fstat data query result as one JSON line.
require "mcollective"
require "json"
MCollective::PluginManager.find_and_load("data")
ARGV.each do |path|
  result = MCollective::Data["fstat"].lookup(path)
  puts JSON.generate(result.keys.map { |k| [k.to_s, result[k]] }.to_h)
end
