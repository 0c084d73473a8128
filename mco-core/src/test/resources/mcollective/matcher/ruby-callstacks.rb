# Prints, for each -S expression on stdin (one per line), what Ruby MCollective 2.12.5 builds:
# {"input":..., "callstack":[...]} or {"input":..., "error":"..."} (colour codes removed).
require "mcollective"
require "json"
def plain(v)
  case v
  when Regexp then {"regexp" => v.source, "options" => v.options}
  when Hash then v.map { |k, x| [k, plain(x)] }.to_h
  when Array then v.map { |x| plain(x) }
  else v
  end
end
STDIN.each_line do |line|
  input = line.chomp
  next if input.empty? || input.start_with?("#")
  input = input.gsub("\\t", "\t")
  begin
    stack = MCollective::Matcher.create_compound_callstack(input)
    puts JSON.generate({"input" => input, "callstack" => plain(stack)})
  rescue Exception => e
    puts JSON.generate({"input" => input, "error" => e.message.gsub(/\e\[\d+m/, ""), "class" => e.class.to_s})
  end
end
