import re
def load(p):
    d={}
    for line in open(p, encoding='utf-8'):
        line=line.rstrip('\n')
        if not line or line.startswith('#'): continue
        m=re.match(r'((?:[^=\\]|\\.)+)=(.*)', line)
        if m: d[m.group(1).replace('\\ ',' ')]=m.group(2)
    return d
out=["# Refusals: problem types and their sentences","",
"Every refusal of the services is RFC 9457 `application/problem+json`. A refusal the services",
"name has a stable `type`, `urn:ostsee-kooperation:problem:<key>`, its parameters in `params`",
"(raw values: codes, ISO dates, numbers, for machines) and a `detail` in the caller's",
"`Accept-Language`: German (`de`) or English (the default for a caller that does not say).",
"German uses the words of the [glossary](glossary.md): dates 27.11.2026, amounts 1.500,00 €,",
"codes in words. A refusal of one field also lists it in `violations` (`field`, `message`).",
"",
"```json",
'{"type": "urn:ostsee-kooperation:problem:allocation.project-not-approved", "title": "Conflict",',
' "status": 409, "detail": "Zuteilungen gibt es nur für genehmigte Projekte; das Projekt „Radverkehr“ hat den Status „vorgeschlagen“.",',
' "params": {"project": "Radverkehr", "status": "PROPOSED"}}',
"```","",
"Where the sentences live: `platform/src/main/resources/de/kielregion/kooperation/platform/problem/texts*.properties`",
"(the platform's own) and each service's `src/main/resources/problems*.properties`; `{name}` is a parameter.",
"This page is generated from them (`python3 docs/problems.py`).",""]
for title,base in [("Platform (every service)","platform/src/main/resources/de/kielregion/kooperation/platform/problem/texts"),
                   ("partners-service","partners-service/src/main/resources/problems"),
                   ("projects-service","projects-service/src/main/resources/problems"),
                   ("memberships-service","memberships-service/src/main/resources/problems"),
                   ("webhooks-service","webhooks-service/src/main/resources/problems")]:
    en=load(base+'.properties'); de=load(base+'_de.properties')
    out.append("## "+title); out.append("")
    out.append("| key | English | Deutsch |"); out.append("|---|---|---|")
    for k in en:
        if k.startswith('thing.'): continue
        out.append("| `%s` | %s | %s |"%(k, en[k].replace('|','\\|'), de.get(k,'').replace('|','\\|')))
    out.append("")
open('docs/problems.md','w',encoding='utf-8').write('\n'.join(out))
