# Writes the Ruby expectations the mcollective.ruby tests read. Run once, by hand, from this directory:
#   ruby generate.rb
# (Debian's ruby with its mcollective package); the output files are committed, the tests never run Ruby.
require "json"
require "mcollective"

def bits(f)
  [f].pack("G").unpack1("H*")
end

def marshal_text(f)
  Marshal.dump(f)[4..]
end

# Float#to_s and Marshal's Float text: every power of two, then doubles that are awkward to print.
floats = (-1074..1023).map { |e| 2.0**e }
awkward = [
  0.1, 0.2, 0.3, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 1.5, 100.0, 1e14, 1e15, 1e16, 1e17, 1e21, 1e22, 1e23,
  9.999999999999999e22, 123456789012345.0, 123456789012345.6, 999999999999999.9, 1234567890123456.0,
  12345678901234567.0, 0.001, 0.0001, 0.0001234, 0.00001, 2.5e-5, 1e-7, 1e100, 1e-100, 5e-324, 1e-323,
  2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308, 4.9406564584124654e-324,
  123456789.123456789, 9007199254740993.0, 9007199254740992.0, 4503599627370497.0, 0.5, 0.25, 1.0e-3,
  299792458.0, 6.02214076e23, 1.602176634e-19, 3.141592653589793, 2.718281828459045, 1.1, 2.2, 3.3,
  8.41e21, 5.0e-310, 7.0e-10, 0.3e-3, 1.0e15 + 0.3, 1.0e16 - 2, 4.35, 0.035, 1.005, 2.675
]
floats += awkward + awkward.map(&:-@) + [0.0, -0.0]
random = Random.new(20_261_203)
while floats.size < 2098 + 2 * awkward.size + 2 + 1000
  f = random.bytes(8).unpack1("G")
  floats << f if f.finite?
end
200.times { floats << (random.rand(1_000_000) / 10.0**random.rand(1..8)) }
File.open("floats.tsv", "w") do |out|
  out.puts "# bits of the double (big-endian hex)\tFloat#to_s\tMarshal text (after 'f' and the length)"
  floats.each { |f| out.puts [bits(f), f.to_s, marshal_text(f)].join("\t") }
end

# Kernel#Integer, Kernel#Float, String#to_i and String#to_f, and the two boolean readers of MCollective.
inputs = [
  "0", "00", "7", "-7", "+7", "0_7", "0_8", "07", "08", "010", "0x1f", "0X1F", "0x_1f", "0x1_f", "-0x1f", "0b101",
  "0B11", "0b", "0b2", "0o17", "0O17", "0o", "0d12", "0D12", "0d", "0x", "1_000", "1__000", "_1", "1_", " 12 ",
  "\t12\n", "12\n\n", "\n12", "12 3", "- 1", "-0", "+-1", "1e3", "1E3", "1e+3", "1e-3", "1.5", "-1.5", "+1.5",
  ".5", "-.5", ".5e1", "5.", "5.e1", "1.e3", "1e", "1e+", ".", "-", "+", "", " ", "1.5_0", "1_0.5", "1E3_0",
  "1e3__0", "017", "0x1A", "0x1.8p1", "0x1p3", "0x1P-2", "0x1_0", "0x.8p1", "Infinity", "-Infinity", "NaN",
  "inf", "1e400", "-1e400", "1e-400", "1.5f", "1.5d", "12abc", "abc", "abc12", "99999999999", "2147483647",
  "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
  "123456789012345678901234567890", "1,000", "1.5e3\n2.5", "3.14159", "00.5", "0.5", "0.50", "1.5.5", "12.",
  "0b1_0", "0o1_7", "0d1_2", "0_x1", "\v12", "\f12", "12\r", "\r\n12", "1\n2", "yes", "Yes", " yes ", "YES",
  "true", "TRUE", "t", "T", "y", "1", "no", "No", "false", "f", "n", "on", "off", "yes\nfoo", "foo\nno",
  "no\nyes", "true ", " false", "0.0", "1.0", "1.5e3", "-0.0", "0x7fffffffffffffff"
]

def result
  yield
rescue StandardError
  nil
end

File.open("numbers.jsonl", "w") do |out|
  inputs.each do |s|
    int = result { Integer(s) }
    flo = result { Float(s) }
    out.puts JSON.generate({
      "text" => s,
      "Integer" => int&.to_s,
      "Float" => flo && bits(flo),
      "to_i" => s.to_i.to_s,
      "to_f" => bits(s.to_f),
      "str_to_bool" => result { MCollective::Util.str_to_bool(s) },
      "string_to_boolean" => result { MCollective::DDL.string_to_boolean(s) },
      "string_to_number" => result { n = MCollective::DDL.string_to_number(s); n.is_a?(Float) ? bits(n) : n.to_s }
    })
  end
end

# Regexp matching as MCollective does it (String#match / =~), and Regexp#to_s.
regexes = [
  ["^web\\d+$", "", "web12"], ["^web\\d+$", "", "db1\nweb12"], ["web$", "", "aweb\nb"], ["a.b", "", "a\nb"],
  ["a.b", "m", "a\nb"], ["a.b", "", "a\rb"], ["a$", "", "a\r\n"], ["\\Aa\\z", "", "a\n"], ["\\Aa\\Z", "", "a\n"],
  ["\\h+", "", "xyzBEEF"], ["^\\h+$", "", "beef"], ["^\\h+$", "", "bxef"], ["^\\H+$", "", "xyz"],
  ["^[\\h_]+$", "", "ab_12"], ["^[^\\h]+$", "", "xyz"], ["^[\\H]+$", "", "xyz"], ["^[\\H]+$", "", "xaz"],
  ["^[[:alpha:]]+$", "", "abcXYZ"], ["^[[:alpha:]]+$", "", "abc1"], ["^[[:digit:][:space:]]+$", "", "1 2"],
  ["^[[:^digit:]]+$", "", "abc"], ["^[[:^digit:]]+$", "", "a1c"], ["^[[:xdigit:]]+$", "", "DeadBeef"],
  ["^[[:upper:]]", "", "Abc"], ["^[[:punct:]]+$", "", "!?."], ["^[[:word:]]+$", "", "a_1"],
  ["abc", "i", "xABCx"], ["(?i)abc", "", "ABC"], ["(?i:abc)d", "", "ABCd"], ["(?i:abc)d", "", "ABCD"],
  ["(?m)a.b", "", "a\nb"], ["(?m:a.b)", "", "a\nb"], ["(?-mix:a.b)", "", "a\nb"], ["(?mi-x:a.b)", "", "A\nB"],
  ["a b # comment", "x", "ab"], ["(?x) a b", "", "ab"], ["^\\w+$", "", "abc_1"], ["^\\d+$", "", "12"],
  ["^\\s+$", "", " \t\n"], ["\\bfoo\\b", "", "a foo b"], ["^(a|b)*$", "", "abab"], ["^a{2,3}$", "", "aaa"],
  ["^(?<word>\\w+) \\k<word>$", "", "hey hey"], ["colou?r", "", "color"], ["^\\/etc", "", "/etc/hosts"],
  ["[a-z]+\\.example\\.net", "", "web.example.net"], ["^$", "", ""], ["^$", "", "a\n\nb"],
  ["caf\u00e9", "i", "CAF\u00c9"], ["^.$", "", "\u00e9"], ["^\\p{Alpha}+$", "", "abc"], ["x*", "", ""]
]
File.open("regexes.jsonl", "w") do |out|
  regexes.each do |source, options, input|
    flags = (options.include?("i") ? Regexp::IGNORECASE : 0) | (options.include?("x") ? Regexp::EXTENDED : 0) |
            (options.include?("m") ? Regexp::MULTILINE : 0)
    re = Regexp.new(source, flags)
    out.puts JSON.generate({
      "source" => source, "options" => options, "input" => input,
      "match" => !(re =~ input).nil?, "to_s" => re.to_s
    })
  end
end
