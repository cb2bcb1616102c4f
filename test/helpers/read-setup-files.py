"""Independent readers for the generated setup files, used by the tests.

Reads one file from stdin and prints what a standard reader makes of it as JSON:
  profile       plistlib (Python's own property-list reader)
  autoconfig    xml.etree, checked against the Thunderbird config file format's rules
  autodiscover  xml.etree, the POX response's namespaces and elements
"""
import json
import plistlib
import sys
import xml.etree.ElementTree as ET

kind = sys.argv[1]
data = sys.stdin.buffer.read()

def fail(message):
    print(json.dumps({"error": message}))
    sys.exit(0)

def text(element, tag):
    found = element.findall(tag)
    if len(found) != 1:
        fail(f"<{element.tag}> has {len(found)} <{tag}>")
    return found[0].text

if kind == "profile":
    profile = plistlib.loads(data)
    print(json.dumps(profile))
elif kind == "autoconfig":
    root = ET.fromstring(data)
    if root.tag != "clientConfig" or root.get("version") != "1.1":
        fail("root is not clientConfig version 1.1")
    providers = root.findall("emailProvider")
    if len(providers) != 1:
        fail("not exactly one emailProvider")
    provider = providers[0]
    out = {"id": provider.get("id"), "domains": [d.text for d in provider.findall("domain")], "servers": []}
    for tag in ("incomingServer", "outgoingServer"):
        for server in provider.findall(tag):
            entry = {"tag": tag, "type": server.get("type")}
            for field in ("hostname", "port", "socketType", "username", "authentication"):
                entry[field] = text(server, field)
            if entry["socketType"] not in ("plain", "SSL", "STARTTLS"):
                fail("socketType not one of plain, SSL, STARTTLS")
            if not entry["port"].isdigit():
                fail("port is not a number")
            out["servers"].append(entry)
    print(json.dumps(out))
elif kind == "autodiscover":
    ns = {"a": "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006",
          "r": "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"}
    root = ET.fromstring(data)
    if root.tag != "{%s}Autodiscover" % ns["a"]:
        fail("root is not Autodiscover in the response schema namespace")
    account = root.find("r:Response/r:Account", ns)
    if account is None:
        fail("no Response/Account in the outlook response namespace")
    out = {"accountType": account.findtext("r:AccountType", None, ns), "action": account.findtext("r:Action", None, ns), "protocols": []}
    for protocol in account.findall("r:Protocol", ns):
        out["protocols"].append({child.tag.split("}")[1]: child.text for child in protocol})
    print(json.dumps(out))
else:
    fail("unknown kind")
