//! The word patterns the clarity check matches: roles, aims, doing verbs, horizons and
//! evidence phrasings, each compiled once.

use std::sync::LazyLock;

use regex::Regex;

pub(super) fn re(pattern: &str) -> Regex {
    // The patterns are constants checked by this module's tests.
    Regex::new(pattern).unwrap_or_else(|e| panic!("clarity pattern: {e}"))
}

/// Levels and roles: the nouns a destination names. A level may stand alone ("staff",
/// "L5", "the next level"); a role is a kind of job ("tech lead", "SRE", "architect").
pub(super) const ROLE: &str = r"(?:senior|staff|principal|distinguished|tech lead|team lead|lead (?:engineer|developer|designer|sre|architect|scientist)|architect|manager|management|director|head of (?:the |our |a )?[a-z-]+(?: (?:team|group|squad|platform|department|org|organi[sz]ation|function|practice|guild|chapter|tribe))?|cto|vp|expert|specialist|owner|maintainer|engineer(?:ing)?|scientist|developer|dev|analyst|designer|sre|em|tl|tpm|leader(?:ship)?|consultant|programmer|devops|dba|dri|teamlead|lead for [a-z-]+|reference (?:of|for|in) [a-z-]+|authority (?:on|in|for) [a-z-]+|(?:contributor|committer|collaborator) (?:to|on|for) (?:the )?[a-z0-9.-]+|champion|steward|evangelist|advocate|sme|pleno|pentester|tester|sdet|eng|guru|(?:qa|data|mobile|ios|android|frontend|front-end|backend|back-end|platform|infra|infrastructure|security|ml|devops|web|api|test|squad|chapter|technical|embedded|firmware|release|project|engineering|design|product|program|programme|delivery) lead|lead of (?:the |our )?[a-z-]+(?: team| squad| platform)?|mid-level|mid level|[lpe][1-9]|ic ?[1-9]|(?:sde|swe|mts)\s?(?:[1-9]|i{1,3}|iv)|level [1-9]|(?:senior|staff|principal)[- ]level|(?:the )?next level|(?:the )?next step up|promotion to [a-z0-9]+)";

/// Frames that aim at what follows: "become", "get to", "aim for", "ready for".
pub(super) const AIM: &str = r"(?:become|becoming|becomes|be|being|get to|getting to|reach|reaching|hit|see (?:myself|herself|himself|themselves)(?: [a-z0-9 ]{0,25}?)? as|(?:sponsor|nominate|put) (?:me|him|her|them) (?:up |forward )?for|make it to|make|go for|going for|aim(?:ing)? (?:for|at|to be)|aim|target(?:t?ing)?|promot(?:ed|ion) to|step (?:up )?(?:in)?to|steps (?:up )?(?:in)?to|moves (?:up )?(?:in)?to|moves from [a-z0-9 -]{1,30}? to|move (?:me |him |her |them )?(?:up )?(?:in)?to|moving (?:me |him |her |them )?(?:up )?(?:in)?to|work(?:ing)? (?:my way |our way |her way |his way )?(?:up )?to(?:wards?)?|ready for|considered for|prepared for|qualify for|eligible for|on track for|path to|land|get|grow(?:ing)?(?: [a-z-]+){0,6}? (?:in)?to(?:wards?)?|want|like|hope|plan|goal|objective|ambition|next step|next move|aspiring|aspire to(?: be)?|enough for|counts? (?:toward|towards|for)|way into|case for|shot at|open to|take over as|taking over as|progress(?:ing)? (?:in)?to)";

pub(super) static AIMED_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b{AIM}\b((?:\s+[a-z0-9'/-]+){{0,7}}?)\s+(?:a |an |the )?((?:[a-z-]+ ){{0,2}}?{ROLE}(?:[ -](?:[a-z-]+ )?{ROLE})?)\b"
    ))
});
/// A lead named by its field ("AppSec lead", "design systems lead"); the words before
/// "lead" must name a field, which `names_a_field` checks.
pub(super) const FIELD_LEAD: &str = r"(?:[a-z0-9+#/-]+ ){1,2}lead";
/// An aim at a lead named by its field: "become a DevRel lead", "want to be AppSec lead".
pub(super) static AIMED_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:become|be|becoming|being|aim(?:ing)? to be|want to be|promoted to|step up as|move up to)\s+(?:a |an |the |our |their )?({FIELD_LEAD})\b"
    ))
});
pub(super) static AIM_WORD: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"\b{AIM}\b")));
pub(super) static ROLE_START: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"\b{ROLE}\b")));
/// A line that labels its goal ("Goal: EM", "Aim - principal scope") or opens with a level
/// or role ("Staff by 2027."): a destination without a verb.
pub(super) static HEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:[-*]\s*)?(?:(?:my |the )?(?:goal|aim|target|objective|destination|ambition|next step|next stop|next level|next role|role|target level|target role|role target|title|target title|north star|where i want to be|wish)s?(?: role| level| job| title| position| band| grade)?\s*(?:[:=-]|is)\s*(?:to )?(?:be |become |get to |reach )?(?:a |an |the )?((?:[a-z0-9'-]+ ){{0,4}}?(?:{ROLE}|[a-z-]+ scope|[a-z-]+ depth|[a-z-]+ (?:role|position|job)))|(?:a |an )?((?:[a-z-]+ )?{ROLE}|(?:[a-z-]+ ){{1,3}}(?:depth|expertise|mastery|fluency))(?: role| position| title| trial| stint| track| path)? (?:by|in|within|before|this|next|for|the end)\b)"
    ))
});
/// A clause that is a role or level noun phrase, alone or with a place or time after it:
/// "Senior frontend engineer.", "Staff, eventually", "Tech lead on the checkout team before
/// Q3", "Senior iOS". A level word may take two nouns after it ("senior ios").
pub(super) static ROLE_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^\s*(?:[-*]\s*)?(?:(?:a|an|the)\s+)?((?:[a-z0-9+#/-]+\s+){{0,3}}?{ROLE}\+?(?:\s+(?:i{{1,3}}|iv|v|[1-9]))?(?:\s+(?:track|path|route|transition|move|switch|promo|promotion|nomination|packet|lead))?(?:\s*(?:\bor\b|/)\s*(?:an? )?(?:[a-z0-9+#-]+\s+){{0,2}}?{ROLE})?|(?:senior|staff|principal|lead)(?:\s+[a-z0-9+#/-]+){{1,2}}|{FIELD_LEAD})(?:\s*\([a-z0-9 +/&,.→>-]*\)?)?\s*(?:(?:on|in|for|at|of|by|within|before|this|next|over|across|eventually|someday|soon|soonish|asap|role|roles|position|positions|please|pls|plz|ideally|hopefully)\b.*)?$"
    ))
});
/// Growth where one already is: "grow as an engineer", "develop as a developer".
/// A labelled capability line: "Skill: Rust (deeper)", "Focus area - incident command".
pub(super) static LABELLED_CAPABILITY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|\n|[.;|] )\s*(?:[-*]\s*)?(?:skill|skills|capability|focus|focus area|growth area)\s*[:=-]\s*([a-z0-9][^.;\n|]*)",
    )
});
/// A capability named at the head of a note: "solid k8s skills by q3".
pub(super) static CAPABILITY_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[.;:\n|-] ?)\s*(?:[-*]\s*)?((?:solid|strong|stronger|deep|deeper|better|real) (?:[a-z0-9+#.-]+ ){1,3}(?:skills|expertise|depth|chops|knowledge)|[a-z0-9+#./-]+(?: [a-z0-9+#./-]+)? (?:deeply|in depth|inside out))\b",
    )
});
/// A role as the subject of an aim: "EM is realistic for him", "is staff the right next step".
pub(super) static ROLE_AS_AIM: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b((?:[a-z-]+ )?{ROLE}) (?:is|would be|seems|feels|looks)? ?(?:the |my |a )?(?:right |realistic |natural |obvious |logical |likely )?(?:next step|next move|realistic|goal|target|path|next level)\b"
    ))
});
/// Habits: what one already does regularly is no rep.
pub(super) static HABIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:every ?day|every (?:week|day|sprint|morning|time)|daily|weekly|always|usually|already|regularly|each (?:week|day|sprint))\b",
    )
});
/// Words that make a clause a sentence about something else: "the senior devs seem happy".
pub(super) static FINITE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:is|are|was|were|seem|seems|seemed|have|has|had|do|does|did|say|says|said|told|think|thinks|keep|keeps|know|knows|look|looks|get|gets|got)\b",
    )
});

pub(super) static GROW_AS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:grow|growing|grown|develop|developing|improve|improving|better|progress|progressing)(?: up)? as(?: an?)?$",
    )
});
/// An aim at a kind of person one could be better as: "become a stronger public speaker",
/// "be a better mentor", "be the database person".
pub(super) static AGENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:be|become|being|becoming|see (?:myself|herself|himself|themselves)(?: [a-z0-9 ]{0,25}?)? as)\s+(?:someone who (?:can|could) (?:run|lead|own|design|debug|handle|mentor)\s+[a-z0-9-]+|(?:a|an)\s+(?:much |far |really )?(?:better|stronger|strong|great|good|more confident|confident|more effective|effective|solid|excellent|sharper|go-to)\s+(?:[a-z-]+\s+){0,2}[a-z]+(?:er|or|ist|ian|ect|ant|ent)|the\s+(?:[a-z0-9'+#/-]+\s+){1,3}(?:person|champion|expert|guru|owner|specialist|steward)|the (?:person|one) who (?:owns|runs|leads|knows|looks after|maintains)\s+[a-z0-9-]+(?: [a-z0-9-]+)?)\b",
    )
});
/// A move written as a pair, "Frontend -> full stack", "Mid-level to senior", "data
/// scientist to ML engineer"; or a place named as where one wants to end up.
pub(super) static PAIR_MOVE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^\s*(?:[-*]\s*)?(?:from\s+)?((?:[a-z0-9+#/-]+\s+){{0,3}}?[a-z0-9+#/-]+\s*(?:->|=>|>)\s*(?:[a-z0-9+#/-]+\s*){{1,4}}|from (?:[a-z0-9+#/-]+\s+){{0,4}}?(?:into|to) (?:[a-z0-9+#/-]+\s*){{1,4}}|(?:[a-z0-9+#/-]+\s+){{0,2}}?{ROLE}\s+(?:to|into)\s+(?:a |an )?(?:[a-z0-9+#/-]+\s+){{0,2}}?{ROLE}\b)|\b((?:[a-z0-9+#/-]+\s+){{1,3}})is where (?:i|she|he|they) (?:want|'d like|would like|hope|see)"
    ))
});
/// A named capability: better at, expert in, improve at, deepen my, learn.
pub(super) static CAPABILITY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:(?:get|getting|go|going|dig|digging) deeper (?:into|in|on|with)|(?:more )?confident (?:for|to|about)|(?:better|stronger|strong|weak|expert|an expert|skilled|proficient|fluent|great|good|deeper|confident|comfortable|competent|excellent|solid|sharper|more effective|more confident|more fluent|more skilled) (?:at|in|with|on|when|as)|(?:specialise|specialize|specialising|specializing) in|(?:better|stronger|comfortable|confident|more confident|good|great|fluent) (?:at )?[a-z]+ing\b|(?:improve|improving|get better|getting better|level up|levelling up|leveling up|upskill|upskilling|grow|growing|develop|developing|strengthen|strengthening|sharpen|sharpening|work on|working on|invest in|build up|broaden) (?:at|in|on|with|my|our)|(?:deepen|deepening|master|mastering|learn|learning|study|studying|pick up|gain|gaining|build|building|get|getting|develop|developing) (?:my |some |real |more |deep |deeper |solid |hands-on )?(?:expertise|experience|skills?|knowledge|depth|fluency|mastery|competence|understanding|grounding) (?:in|with|of|on|around)|(?:deepen|deepening|master|mastering|learn|learning|learn how to|get good at|getting good at|become good at|develop (?:strong|stronger|deep|deeper|solid|better|real)|developing (?:strong|stronger|deep|deeper|solid|better|real))|(?:expertise|depth|mastery|fluency) (?:in|with|on))\s+((?:[a-z0-9'+#./-]+\s*){1,6})",
    )
});
/// "X skills", "X depth": a capability named as a noun after an aim.
pub(super) static CAPABILITY_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:want|like|need|build|develop|grow|gain|deepen|improve|strengthen|sharpen|into|is|are|means|get|getting)(?: my| some| more| real| deeper| solid| stronger| better)? ((?:[a-z-]+ ){1,3}(?:skills|depth|expertise|chops|craft))\b",
    )
});
/// Scopes and areas owned: technical leadership, "own our observability", "the person
/// people call", "principal scope", "responsible for".
pub(super) static SCOPE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:(?:technical|tech|org-level|org|organisational|organizational|cross-team|engineering|company-wide|people|thought|architectural|product) (?:leadership|influence|ownership)|(?:leadership|influence|ownership) (?:on|of|in|across|beyond|outside|over)\b[a-z' -]*|lead(?:ing)? (?:people|a team|teams|an? org[a-z]*|a squad|a group|engineers|(?:the|our|my|a|an) (?:[a-z0-9+&-]+ ){0,3}(?:team|squad|group|org|organi[sz]ation|function|chapter|guild|tribe|department))|manag(?:e|ing) (?:people|a team|engineers|a squad)|(?:be |being )?run(?:ning)? (?:the|our|my|a|an) (?:[a-z0-9+&-]+ ){0,3}(?:team|squad|group|org|organi[sz]ation|department|chapter|guild|tribe)\b|head(?:ing)? up (?:the|our|my|a|an) (?:[a-z0-9+&-]+ ){0,3}?(?:team|squad|group|org|organi[sz]ation|function|chapter|guild|tribe|department|platform|practice|area)|own(?:ing)? (?:our|the|my|a|an) (?:team's |company's |org's |whole |entire )?[a-z0-9-]+(?: [a-z0-9-]+)?|(?:go-to|go to) (?:person|engineer|expert|contact|developer|on|for) [a-z0-9-]+|(?:the|a|an|our|their|team's) go-?to [a-z0-9-]+(?: [a-z0-9-]+)?|(?:the|our|a|an|team's) (?:[a-z0-9+#.-]+ ){1,2}go-?to\b|the (?:[a-z0-9.+#-]+ ){0,4}?(?:person|one|engineer|expert|developer|dev) (?:people|everyone|others|teams|folks|the team|clients|customers|users) (?:call|calls|ask|asks|go to|goes to|turn to|turns to|come to|comes to|rely on|relies on|page|pages|ping|pings|trust|trusts)|\b(?:run|running|own|owning|lead|leading) (?:the|our|my) (?:[a-z0-9-]+ ){1,3}?end[- ]to[- ]end\b|\bwho (?:everyone|people|the team|others|folks) (?:pings|calls|asks|goes to|turns to|comes to)\b|(?:in charge|responsible|responsable|accountable) (?:of|for) (?:our |the |a |my )?[a-z0-9-]+(?: [a-z0-9-]+)?|(?:known|recognised|recognized) (?:for|as) (?:our |the |a |an )?[a-z0-9-]+(?: [a-z0-9-]+)?|(?:[a-z]+-level|staff|principal|senior|org|org-wide|company-wide|cross-team|broader|wider|bigger|larger) scope\b(?: (?:in|on|over|across|for) [a-z0-9-]+(?: [a-z0-9-]+)?)?|scope (?:over|across) [a-z0-9-]+|(?:look|looking) after (?:the|our|all|my) [a-z0-9-]+(?: [a-z0-9-]+)?|own(?:ing)? [a-z0-9-]+(?: [a-z0-9-]+)? (?:for|across) (?:the|our|all) (?:whole |entire )?(?:[a-z0-9-]+ )?(?:company|org|organi[sz]ation|teams?|app|apps|platform|product|site|pipeline|pipelines|service|services|system|stack|infrastructure|domain|area)|own(?:ing)? [a-z0-9-]+ (?:for|of|across) (?:the|our|all|my) (?:[a-z0-9-]+ )?(?:app|apps|service|services|platform|product|stack|system|systems|site|api|apis|pipeline|pipelines|infrastructure|infra|codebase)\b|the (?:person|one|engineer|expert) (?:[a-z0-9-]+ ){1,3}?(?:calls?|asks?|goes to|go to|turns? to|comes? to|relies on|rely on|pages?|trusts?)\b|(?:[a-z]+-level|staff|principal) (?:impact|influence|work)|(?:operat|work|perform)(?:e|es|ing)? at (?:a |the )?(?:staff|senior|principal|lead|l[1-9]|[a-z]+-) ?level)",
    )
});
/// A move from one kind of work into another: "switch from QA into backend development".
pub(super) static TRANSITION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:path|route|jump|switch|switching|pass|move|moving|transit|transition|transitioning|pivot|pivoting|shift|shifting|change|changing|go|going|cross|crossing|branch|branching|get|getting|break|breaking|grow|growing)(?: is| would be)?(?: me| him| her| them)?(?: over| out| across| sideways)?(?: from [^.;:!?]{1,60}?)? (?:into|in to|to|towards?) (?:a |an |the )?((?:[a-z0-9'+#/-]+\s*){1,5})",
    )
});
/// Objects that name no destination: growth in general, promotion, visibility, time.
pub(super) static EMPTY_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:coding|programming|engineering|(?:the )?soft stuff|reviews?|my craft|tech|the tech industry|tech industry|the industry|software|experience)(?:\s+(?:lol|haha|tbh|honestly))?\s*[.!]*$|^(?:experience (?:across|generally|in general|overall)|as much as (?:possible|i can))\b|^(?:more|better|bigger|stronger|promoted|promotion|successful|happier|visible|seen|recognized|recognised|valued|someone|something|anything|everything|things|stuff|(?:new|different|other|lots of|many|more) (?:things|stuff|skills|technologies|tech|tools|areas|languages|frameworks)|it|them|me|myself|us|work|my job|my work|my role|the job|(?:the|this|our|my) (?:organi[sz]ation|company|team|org)\b|car+e+r+|self|career|(?:my|his|her|their) (?:reviews?|performance|career)|good|great|the best|a better [a-z]+|more [a-z]+|next|the next (?:thing|step|one)|the end|end|june|july|the top|grow|growth|do|be|go|get|have|make|take|work on|the point|a point|there|that|this|what|how (?:to )?(?:grow|get|improve)|how|where|[0-9]+|zero|none|nothing|half|q[1-4]|h[12]|tomorrow|next year|the future|(?:my|our|his|her|their|the) (?:job|work|role|current role|day job)|(?:and|or|but|not|so|because|while)\b)\b|^(?:(?:a )?leadership(?: role| position)?\b|every (?:day|week|month|sprint)|daily|weekly|constantly|continuously|always|meetings|standups|(?:my |our )?(?:personal )?(?:network|brand|profile|reputation|presence|visibility))\b|^(?:my |our |his |her |their |some )?(?:skills?|skill ?set|abilities|game|knowledge|experience|expertise)(?: (?:in|for) (?:the future|general|everything|the long run|the long term|the areas?\b.*|the things\b.*|all areas\b.*))?\W*$",
    )
});
/// A role word used as the audience or a person, not an aim: "visible to leadership", "my
/// manager's review", "with the tech lead".
pub(super) static NOT_AIMED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:\b(?:my|our|their|his|her|your|whose|the other|other|another)(?: [a-z-]+)?\s*$|\b(?:manager|lead|boss|director|skip|mentor|em|tl|cto|vp|ceo|[a-z]+'s [a-z]+)'s\s*$|\b(?:visible|talk|talking|speak|speaking|ask|asking|tell|telling|show|showing|present|presenting|report|reporting|escalate|escalating|working|work|pair|pairing|sit|sync|meet|meeting|chat) (?:closely )?(?:to|with|for|by|in front of)(?: the| a| our| my)?\s*$|\bmore\s*$)",
    )
});

/// Doing verbs, each needing an object after it; the phrases come first, so "write up the
/// review" is read as "write up", not "write" with the object "up".
pub(super) const DOING: &str = r"(?:take ownership of|taking ownership of|write up|set up|setting up|stand up|standing up|spin up|roll out|rolling out|pair on|pairing on|pair with|pairing with|clean up|cleaning up|tidy up|speed up|sit on|serve on|serve as|act as|acting as|blog about|teach a|lead on|take the lead on|take on|taking on|speak at|speaking at|contribute to|contributing to|volunteer for|volunteer to|volunteer as|put together|take over|taking over|get certified in|do a|do one|do two|do the|doing the|run through|pick up|sit in on|apply for|takes over|work through|working through|picking up|present at|presenting at|talk at|give a talk at|lead|leading|run|running|write|writing|author|authoring|draft|drafting|ship|shipping|present|presenting|give|giving|mentor|mentoring|onboard|onboarding|coach|coaching|teach|teaching|train|training|build|building|deliver|delivering|publish|publishing|organi[sz]e|organi[sz]ing|host|hosting|chair|chairing|facilitate|facilitating|drive|driving|design|designing|migrate|migrating|launch|launching|implement|implementing|introduce|introducing|establish|establishing|create|creating|document|documenting|propose|proposing|review|reviewing|audit|auditing|upgrade|upgrading|port|porting|replace|replacing|deprecate|deprecating|release|releasing|demo|demoing|pitch|pitching|analy[sz]e|analy[sz]ing|debug|debugging|harden|hardening|optimi[sz]e|optimi[sz]ing|scale|scaling|cover|covering|handle|handling|moderate|moderating|curate|curating|record|recording|interview|interviewing|own|owning|refactor|refactoring|open-source|automate|automating|rewrite|rewriting|instrument|instrumenting|complete|completing|finish|finishing|start|starting|shadow|shadowing|join|joining|prototype|prototyping|produce|producing|prepare|preparing|conduct|conducting|estimate|estimating|make|making|fix|fixing|reduce|reducing|cut|cutting|split|splitting|extract|extracting|benchmark|benchmarking|profile|profiling|triage|triaging|sponsor|sponsoring|champion|championing|submit|submitting|pass|passing|earn|earning|hold|holding|attend|attending|send|sending|take|taking|takes|track|tracking|rebuild|rebuilding|coordinate|coordinating|pair-review|pair-reviewing|co-lead|co-leading|co-author|co-authoring|get (?:the|my|our) [a-z0-9-]+(?: [a-z0-9-]+){0,3} (?:done|shipped|finished|merged|live) by|do \d+|doing \d+|leave (?:written |detailed |thoughtful )?(?:feedback|comments|reviews) on|start with|starting with|tune|tuning|define|defining|productioni[sz]e|productioni[sz]ing|deploy|deploying|land|landing|sit|doing|rewrites|builds|runs|leads|writes|presents|owns|mentors|ships|drives|designs|migrates|consolidate|consolidating|supervise|supervising|shard|sharding|partition|partitioning|benchmark|benchmarking|profile|profiling|instrument|instrumenting|load-test|load test|forecast|forecasting|practise|practising|practice|practicing|study|studying|contribute|contributing|prep|prepping|defend|defending|rehearse|rehearsing)";
pub(super) static ACTION: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b{DOING}\s+(?P<object>(?:(?:a|an|the|one|two|three|four|five|six|ten|a couple of|a few|several|\d+|our|my|every|each|this|that|some|all|at least \w+|weekly|monthly|regular|quarterly)\s+)?[a-z0-9][a-z0-9:'/+#-]{{1,}}(?:\s+[a-z][a-z-]{{2,}})?)"
    ))
});
/// A quantity right after the verb makes the object a countable rep ("lead one initiative").
pub(super) static QUANTIFIED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\S+(?:\s+\S+)?\s+(?:a|an|one|two|three|four|five|six|ten|a couple of|a few|several|\d+|at least \w+|every|each|weekly|monthly|regular)\s",
    )
});
/// Words after a doing verb that make it no rep ("run into", "start to", "take on more").
pub(super) static NOT_AN_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?:on\s+)?(?:into|to|up|out|by|from|for|with|more|better|well|things|stuff|something|anything|everything|it|them|myself|harder|responsibility|responsibilities|ownership|initiative|stretch|opportunities|growth|toward|towards|at|in|on|of|as|and|or|if|when|so|much|less|faster|now|soon|later|again|forward|ahead|here|there|within|under|below|above|over|around|about|where|wherever|whenever|how)(?:\s|$))",
    )
});
/// Verb and object together that make no rep ("own the follow-through", "start the year").
pub(super) static NOT_A_REP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:take|taking) (?:my|our|his|her|their) career\b|^(?:make|making) (?:my|our|his|her|their) best\b|^(?:make|making) (?:sure|progress|an effort|time|it)\b|(?:own|owning) the follow|^(?:do|doing) the (?:work|job|thing|right|best|same|rest|needful|basics|minimum)\b|^(?:do|doing) (?:a |my |an )?(?:good|great|better|solid|decent|excellent) (?:job|work)\b|^(?:do|doing) (?:my|our|his|her|their) best\b|^(?:start|starting|finish|finishing|complete|completing|join|joining|pass|passing|earn|earning|reduce|reducing|cut|cutting|take on|taking on) (?:the |my |our |this |next |their |his |her |your |a |the hiring )?(?:year|month|quarter|week|day|cycle|time|level|promotion|grade|bar)\b|^(?:give|giving|get|getting|let|letting|take|taking|send|sending|hold|holding|track|tracking|cover|covering|handle|handling|land|landing|pass|passing|join|joining|start|starting|earn|earning|make|making) (?:me|us|you|him|her|them)\b|^(?:make|making) (?:an? |more |the )?(?:bigger|big|real|more|good|greater|positive|lasting|better|much|an)? ?(?:impact|difference|results?|contributions?)\b|^(?:make|making) (?:it|that|this) official\b|^(?:take|taking|do|doing) (?:a |an |some |more |online |one or two )?(?:[a-z]+ )?(?:courses?|class(?:es)?|tutorials?|side projects?|break)\b|^(?:do|doing|keep doing) (?:that|this|what|so|well|notebooks)\b|^(?:start|starting|begin|beginning) [a-z]+ing$|^(?:own|owning|owns) [a-z][a-z-]+$|^(?:write|writing|say|saying) (?:this|that|it)$|^(?:take|taking) my family\b|^(?:build|building|grow|growing) (?:my|our|his|her|their) (?:personal )?(?:brand|network|profile|reputation|presence)\b|^(?:drive|driving|deliver|delivering|raise|raising|create|creating|bring|bringing|foster|fostering|make|making|show|showing|increase|increasing|maximi[sz]e|maximi[sz]ing) (?:(?:technical|engineering|strategic|outsized|real|more|greater|bigger|business|team|org|organi[sz]ational|cross-team|operational|product|positive|lasting|meaningful|high|higher|my|our|his|her|their|the|an?|across|multiple|teams) ){0,3}(?:excellence|alignment|impact|value|visibility|initiative|innovation|synergy|synergies|proud|happy)\b|^(?:take|taking) on (?:bigger|larger|more|whatever|harder|big|extra|additional|new)\b|^(?:pick|picking) up (?:whatever|more|anything|extra|slack)\b|^(?:deliver|delivering|ship|shipping|finish|finishing|do|doing) (?:my|our|his|her|their) (?:projects|work|tasks|tickets|job)\b|^(?:attend|attending) (?:the |all |team |our )*(?:rituals|meetings|standups?|ceremonies)\b|^(?:ship|shipping|deliver|delivering|code|coding) (?:[a-z-]+ ){0,2}?(?:faster|quicker|better)\b|^(?:doing|do) (?:work|fine|ok|okay|well)\b",
    )
});
/// A method named after "by", "through" or "via": any verb in its -ing form with an object
/// ("by redesigning the orders schema"), so a rep need not use a verb the list knows.
pub(super) static BY_DOING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:by|through|via)\s+(?P<verb>[a-z-]{3,}ing)\s+(?P<object>(?:(?:a|an|the|one|two|three|four|five|\d+|our|my|their|her|his|some|all|every|each|at least \w+)\s+)?[a-z0-9][a-z0-9:'/+#.-]+)",
    )
});
/// Gerunds after "by" that name growth or effort, not a rep: "by learning more".
pub(super) static NOT_A_METHOD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:being|becoming|getting|having|growing|improving|learning|working|trying|showing|seeing|going|keeping|staying|making|focusing|focussing|continuing|increasing|developing|gaining|taking|doing|putting|stepping|spending|reading|watching|studying|understanding|knowing|thinking|looking|asking|waiting|talking|feeling|nothing|something|everything|anything|morning|evening|during|bring|thing|string|king|spring|ceiling)$",
    )
});
/// A rep named after its object, in a relative clause: "the guidelines I publish", "two
/// talks she'll give".
pub(super) static RELATIVE_REP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:the|a|an|one|two|three|four|\d+)\s+(?:[a-z0-9/-]+\s+){0,4}?(?:that |which )?(?:i|she|he|they|we)(?:'ll| will| am going to| plan to| want to| get to)? (?:publish|write|build|ship|lead|run|give|present|design|deliver|organi[sz]e|host|mentor|create|draft|author|launch|teach|record|open-source|propose)\b",
    )
});
/// A rep stated as done by the time one arrives: "having shipped the OTA rewrite".
pub(super) static PERFECT_REP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:having|i'll have|i will have|we'll have|she'll have|he'll have) (?:[a-z]{3,}ed|led|built|written|run|given|taught|done|won|made|set up|rolled out|spoken at|held) (?:the |a |an |one |two |three |\d+ |my |our |at least \w+ )?[a-z0-9][a-z0-9/-]+",
    )
});
/// A rep in the passive voice: "a design doc will be written by me".
pub(super) static PASSIVE_REP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:a|an|the|one|two|three)\s+(?:[a-z0-9/-]+\s+){0,6}?(?:will|would|is going to|are going to|shall) be (?:written|joined|led|run|built|shipped|delivered|designed|owned|presented|given|done|organi[sz]ed|migrated|published|taken|drafted|hosted|[a-z]{3,}ed|[a-z]{3,}en) (?:[a-z]+ )?by (?:me|him|her|them|myself)\b",
    )
});
/// Clauses that state evidence; verbs inside them are the criterion, not the rep.
pub(super) static EVIDENCE_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:shown|judged|measured|evidenced|proven|demonstrated|validated|confirmed|tracked|assessed|evaluated|verified) by\b[^.;]*|(?:^|\n|[.;] )\s*(?:[-*]\s*)?(?:evidence|proof|success|criteria|done when)\s*[:=-][^.;\n]*|\b(?:i|we|you|they|she|he)(?:'ll| will) know\b[^.;]*|\b(?:reviewed|approved|calibrated|signed off|ratified|endorsed|certified|vetted) (?:[a-z+-]+ ){0,3}?by\b[^.;]*|\b(?:pass|passes|passing|get through|clear) (?:the |an? |our )?(?:[a-z0-9-]+ ){0,3}(?:certification|exam|bar raiser)\b[^.;]*|\b(?:the|my|our) (?:bar|criteria|criterion|measure|test) (?:is|are|will be|would be)\b[^.;]*|\b(?:evidence|proof)(?: of (?:it|that|this|success))? (?:would|will|could|should|must) be\b[^.;]*|\b(?:i'm|i am|she's|he's|they're|i've got|she's got|he's got) (?:there|done|ready) (?:when|once|if)\b[^.;]*|\b(?:confirms?|confirming|agrees?|agreeing|says?|tells? (?:me|us|them|you)|vouch(?:es)? (?:that|for)|decides?|judges?|signs? off)(?: that)? (?:i|i'm|i've|i'll|she|he|they|we|she's|he's|they're|we're|it)\b[^.;]*",
    )
});

/// Any number written in words up to ninety-nine, or in digits: how many units a span has.
pub(super) const COUNT: &str = r"(?:a|an|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|couple of|few|\d+|\d+ ?(?:-|~|–|to|or) ?\d+|a couple of|a few|the next few|the next couple of)";
/// The units a span of time is counted in.
pub(super) const UNIT: &str = r"(?:days?|weeks?|months?|mos?|quarters?|years?|yrs?|sprints?|halves|half-years?|cycles?|review cycles?|promo cycles?)";

pub(super) static HORIZON: LazyLock<Regex> = LazyLock::new(|| {
    const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    const SEASON: &str = r"(?:summer|spring|autumn|fall|winter)";
    const PERIOD: &str = r"(?:week|month|quarter|half|half-year|year|sprint|cycle|review cycle|promo cycle|promotion cycle|performance cycle|review period|review round|promo round|promotion round|calibration|review|review season|promo|promotion window|fiscal year|financial year|calendar year|academic year|semester|term|planning cycle|okr cycle|perf cycle|perf review|performance review|perf|internship|apprenticeship|probation|probation period|contract|secondment|rotation|placement|grad scheme|graduate scheme|graduate programme|bootcamp|residency)";
    const EDGE: &str =
        r"(?:the )?(?:end of |start of |beginning of |middle of |mid-?|late |early )";
    const WHICH: &str = r"(?:next|this|the coming|the upcoming|my next|our next|the next|her next|his next|their next)";
    re(&format!(
        r"\b(?:(?:within|during|over|for) the (?:year|quarter|half|month)(?: ahead)?\b|the (?:year|quarter|half|months?) ahead\b|\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{MONTH}\b|(?:before|by|ahead of|in time for) (?:the|our|my|his|her|their|this|next) (?:[a-z0-9-]+ ){{0,3}}(?:offsite|off-site|reorg|re-org|launch|kickoff|kick-off|summit|conference|freeze|code freeze|deadline|merger|ipo|all-hands|planning|anniversary|review|promo|leave|holiday|holidays|break|sabbatical|cycle|round|calibration|window|season|milestone|renewal|audit|release|go-live|funding period|funding round|board meeting|demo day|graduation|contract end|rollout)\b|(?:before|ahead of|in time for) (?:[a-z0-9-]+ ){{0,2}}(?:holiday|holidays|break|leave|vacation|sabbatical|festival)\b|\bin next (?:\d+|one|two|three|six|twelve|eighteen) (?:weeks?|months?|years?)\b|(?:by|before|until|till|ahead of|no later than|in time for) (?:next )?(?:monday|tuesday|wednesday|thursday|friday|christmas|xmas|easter|thanksgiving|new year|the new year|chinese new year|lunar new year|diwali|eid|ramadan|hanukkah|black friday|golden week|carnival|the holidays|the summer holidays|summer holidays|the summer break)\b|(?:in|during|over) the (?:{SEASON}|{MONTH})\b|(?:by|before|until|till|ahead of|no later than|in time for) (?:the )?(?:end of |start of |middle of |mid-?|late |early )?(?:{WHICH} |my |our )?(?:{MONTH}|{SEASON}|{PERIOD}|q[1-4]|h[12]|fy ?\d\d(?:\d\d)?|20\d\d|eo[yq]|year[- ]end)(?: 20\d\d|'?\d\d)?\b|(?:in|during|for|at|around|from|over|toward|towards) {EDGE}(?:{WHICH} )?(?:{MONTH}|{SEASON}|{PERIOD}|q[1-4]|h[12]|20\d\d)\b|(?:in|during|at|around|over|for|within) (?:the )?{WHICH} (?:{PERIOD}|{SEASON}|{MONTH})\b|(?:in|during) (?:{MONTH}|{SEASON}|q[1-4]|h[12]|20\d\d|fy ?\d\d)\b|(?:within|in|over|for|inside|under) (?:the |a |about |roughly |around |~)?(?:next |coming |following |upcoming )?{COUNT} {UNIT}(?:'s? time)?\b|{COUNT} {UNIT} from now\b|{WHICH} (?:{PERIOD}|{SEASON}|{MONTH})\b|(?:end|middle|start) of (?:the |this |next |my |our )?(?:first |second |third )?(?:{PERIOD}|q[1-4]|h[12]|fy|{MONTH})\b|(?:at|by|before|for|until) the next (?:[a-z-]+ ){{0,2}}(?:meetup|offsite|conference|hackathon|all-hands|summit|retreat|planning|kickoff|board|election|elections|release|launch|grant|funding round)\b|(?:by|before|for|ahead of|in time for) (?:the )?v?\d+(?:\.\d+)+ (?:release|launch|cutover|ga)\b|\bby the time (?:our|the|we|my|i|she|he|they) [a-z0-9# -]{{1,40}}?(?:closes|close|ships|ship|launches|launch|lands|land|starts|start|ends|end|happens|goes live|go live|raises|raise|hire|hires)\b|\bbefore (?:we|i|the team|the company) (?:hire|hires|reach|hit|grow to|raise|launch|ship|ipo)\b|\b(?:starts?|starting|begins?|ends?|due) (?:in |on )?(?:{MONTH}|q[1-4]|h[12]|20\d\d)\b|\bby (?:my|the|our) \d+[- ](?:month|year|week|day)s?[- ](?:mark|point|anniversary|review|check-in)\b|(?:by|before|at|in|until|for|ahead of) (?:the |my |our )?{MONTH} (?:[a-z-]+ )?(?:review|cycle|calibration|round|promo|promo cycle|review cycle|meeting|offsite|all-hands|planning|release|launch|conference|summit|deadline|board)s?\b|\b(?:q[1-4]|h[12])(?: ?20\d\d|'?\d\d)?\b|\b20\d\d\b|\beo[yq]\b|\bfy ?\d\d\b|\bthis year\b|\bnext year\b|\b(?:a|one) year from now\b|(?:before|by the time|by|until) (?:i|she|he|they|we) (?:turn|reach|hit|am|'m|is|'s|are) \d\d\b|(?:before|by) (?:the age of|age) \d\d\b|(?:by|before|at|in|for|until) (?:the )?(?:next|this|the coming) (?:year|half|quarter|fiscal year|financial year)'s (?:[a-z-]+ )?(?:{PERIOD})\b|(?:by|before|at|in|until|for|ahead of) (?:the |my |our |her |his |their )?(?:next|upcoming|coming|first|mid-year|end-of-year|year-end|annual|spring|autumn|fall|summer|winter) (?:[a-z-]+ )?(?:review|cycle|calibration|committee|round)s?\b)"
    ))
});

/// A sentence about the past, whose dates are history: "I joined in 2022".
pub(super) static PAST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:joined|started|began|was|were|led|moved|shipped|did|i've been|i have been|we've been|she's been|he's been|has been|had been|(?:was|were|got|been|i|she|he|they) (?:hired|promoted)|i am in|i'm in|since joining|since starting|felt|was)\b|\bsince\s*$",
    )
});
/// A hedge at the head of a clause: "i guess", "maybe", "honestly".
pub(super) static HEDGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?:i guess|i think|i suppose|maybe|probably|hopefully|ideally|honestly|tbh|realistically|ultimately)\b,?",
    )
});
/// Going deep on a subject: "going deep on Zig", "dive deep into Postgres internals".
pub(super) static GOING_DEEP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:go|going|dive|diving|dig|digging|get|getting) deep (?:on|into|in|with) ([a-z0-9+#.-]+(?: [a-z0-9+#.-]+)?)",
    )
});
/// A first step named as a thing to do: "first step is the cross-org auth RFC".
pub(super) static FIRST_STEP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:first|next) step (?:is|will be|:) (?:to )?(?:the |a |an |my )?[a-z0-9][a-z0-9-]*(?: [a-z0-9-]+){0,3}",
    )
});
/// Go, the language, named after a preposition ("fluent in Go"), which is no verb.
pub(super) static GO_LANGUAGE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:in|at|with|on|of|to) Go\b"));
/// A choice not yet made, which names no destination: "not sure whether I want to stay IC
/// or move into management".
pub(super) static UNDECIDED_AIM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:not sure|unsure|don't know|do not know|undecided|torn between|can't decide|cannot decide|wondering)\b",
    )
});
/// Who the writer is now, said before a role: "I'm Dev, data engineer at a fintech", "I am
/// a senior engineer".
pub(super) static NOW_AM: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:i'm|i am|im)\s+(?:a |an |the )?(?:[a-z]+,\s*)?(?:a |an )?$"));
/// Words that turn a sentence from the past to what is wanted next: "I've been an SDET for
/// 3 years and want to move by October".
pub(super) static AHEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:want|wants|wanna|will|i'll|we'll|plan|plans|planning|hope|hoping|aim|aiming|going to|would like|i'd like|i'd love|goal|ideally|next)\b",
    )
});
/// A time frame given as a labelled field: "Horizon - 12 month", "When: before Q4".
pub(super) static LABELLED_HORIZON: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:^|
|[.;,|] )\s*(?:[-*]\s*)?(?:horizon|timeframe|time frame|timeline|when|by when|deadline|by|target date|due date|due|eta|date)\s*[:=-]\s*[a-z0-9][^.;,|
]*")
});
/// A frequency is not a time frame ("per quarter", "every month", "twice a year").
pub(super) static FREQUENCY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:per|every|each|once a|twice a|once per|twice per|times a|times per|\d+ times (?:a|per))\s*$",
    )
});

/// Evidence: who judges, by what observable result. Families: a judge and a judging verb
/// ("the engineering manager signs off"), an outcome got ("get it approved"), a naming
/// ("is my proof", "is the bar"), a labelled line ("Evidence: ..."), a threshold ("under
/// 300ms", "hit a 99.9% pass rate", "at least five PRs"), and feedback that will say.
pub(super) static EVIDENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:(?:mgr|manager|tl|em|lead|director|skip|panel|committee|board|vp|calibration)s?(?:\+[a-z]+)?\b[^.;]{0,20}?\b(?:decides?|agree|agrees|judges?|confirms?)\b|\bup to (?:the |my |our )?(?:[a-z-]+ ){0,2}(?:committee|panel|board|manager|lead|director|calibration)|(?:committee|panel|board|manager|lead|director|vp|skip)s? (?:would |will )?(?:needs?|wants?|want) to see\b|\bdone means\b|\bsuccess means\b|(?:reviewed|approved|accepted|calibrated|signed off|ratified|endorsed|certified|vetted|rated|assessed|judged|confirmed) (?:[a-z+-]+ ){0,3}?by (?:the |my |our |a |an )?(?:[a-z0-9+-]+ ){0,3}?(?:panel|committee|board|council|guild|managers?|leads?|director|vp|cto|head|architects?|reviewers?|peers|team|boss|skip|skip-level|staff\+?|principals?|mentors?)\b|\b(?:evidence|proof|the evidence|the proof|my proof|the sign|the signal)(?: of (?:it|that|this|success))? (?:would|will|could|should|must) be\b|\bsays? (?:so |that )?in (?:their|the|my|his|her|our) (?:feedback|survey|review|retro|1:1s?|one-on-ones?)\b|\d(?:\.\d)?\+\s*(?:/|out of)\s*(?:5|10)\b|\b(?:accepted|achieved|done|met|complete|successful|it counts|counts) (?:when|once|if)\b|\d+(?:\.\d+)? ?(?:%|percent) of (?:the |our |new |all |every |existing )?[a-z-]+|(?:manager|managers|mgr|mgrs|tl|em|boss|review|lead|leads|director|skip|skip-level|committee|panel|board|council|guild|peers|team|teams|mentor|vp|cto|ciso|head|reviewers?|architects?|colleagues|engineers|users|customers|squad|owner|owners|[a-z]+ lead)(?:'s|s')?\b[^.;]{0,40}?\b(?:signs? (?:it |them |this |that )?off|signing (?:it )?off|sign-off|approves?|approving|decides?|deciding|accepts?|accepting|judges?|judging|rates?|rating|assess(?:es)?|confirms?|agrees?|agreeing|reviews? (?:the|my|his|her|their) (?:outputs?|work|models?|threat models?|docs?|designs?)|calls? it|vouch(?:es)?|give (?:me |him |her |them )?feedback)|(?:get|getting|have|having|see|seeing) (?:it|them|this|that|the [a-z-]+|my [a-z-]+|his [a-z-]+|her [a-z-]+)(?: [a-z-]+)? (?:approved|accepted|signed off|adopted|merged|ratified|endorsed)|to approve (?:it|them)|(?:is|are|be|'s|will be|would be|as) (?:the|my|our|his|her|their) (?:evidence|proof|signal|sign|check|measure|metric|gauge|finish line|bar|test|judge|yardstick|criteri(?:on|a)|indicator|benchmark|marker)|(?:should|will|would|could|to) (?:prove|show|demonstrate|confirm) (?:it|that|this|them)|(?:under|below|above|over|within|at least|less than|more than|back above|back below) (?:last year's |the |a )?(?:\d+(?:\.\d+)?|one|two|three|four|five|ten|twenty|thirty)\s*(?:%|ms|s\b|seconds?|minutes?|mins?|hours?|days?|percent|errors|incidents|pages|alerts|bugs|tickets)|(?:hit|hits|reach|reaches|reaching|hitting) (?:a |an )?\d+(?:\.\d+)?\s*%|(?:at least|more than) (?:\d+|one|two|three|four|five|six|ten) (?:prs|pull requests|teams|services|squads|engineers|people|customers|users|repos)\b|(?:feedback|survey|pulse survey|retro survey|scores?|ratings?) (?:[a-z-]+ )?(?:will|would|should) (?:say|show|tell|rate|decide|confirm)|(?:feedback|survey|ratings?) (?:in|at|after) (?:the |my |his |her |our )?(?:[a-z0-9-]+ )?(?:review|retro|survey|calibration)|(?:should|will|would) rate (?:my|his|her|their|the)|(?:the )?pass (?:result|mark)|(?:is|gets) judged|where it gets judged|run green|(?:manager|mgr|tl|em|boss|supervisor|lead|director|skip|skip-level|committee|panel|board|peers|team|mentor|vp|cto|head|reviewers?|architects?|staff engineers?|principals?|calibration)\b[^.;]{0,30}\b(?:will|would|should|to|can|gets? to|must|could) (?:judge|decide|confirm|assess|evaluate|sign off|vouch|agree|rate|say|tell)|(?:shown|judged|measured|evidenced|proven|demonstrated|validated|confirmed|tracked|assessed|evaluated|verified) by|how (?:we|i|you|she|he|they)(?:'ll| will| would)? (?:know|tell|measure)|how (?:will|would|do|can) (?:we|i|you|she|he|they) (?:know|tell|measure)|(?:we|i|you|they)'ll know|(?:we|i|you) will know|(?:is|as|be|meet|meets|meeting|clear|clears|clearing|pass|passes|passing|raise) (?:the |that |this )?bar|the bar (?:is|will be)|counts? as (?:real |the )?evidence|as (?:the |my )?(?:evidence|proof)|(?:will be|is|as|be) the (?:evidence|proof|measure|test|signal)|evidence (?:that|of|for|will be|is)|proof (?:that|is|will be)|success (?:is|means|looks like|would be|will be|=)|(?:done|finished) (?:means|when)|approv(?:al|ed) (?:by|from|of)|(?:signed|sign) off (?:by|from|on)|sign-?off (?:by|from|of)|accepted by|adopted by|(?:adopt|adopts|adopting|use|uses|using|reuse|reuses) (?:it|them|the [a-z-]+|my [a-z-]+)|(?:if|when|once|until) (?:two|three|four|\d+|other|the other|both|all|several|more than \w+) (?:teams?|squads?|services|engineers|people|groups|customers)|(?:pass|passes|passing|passed|get through|clear|clears|survive|survives) (?:the |an? |our )?(?:[a-z0-9.-]+ ){0,4}(?:review|panel|committee|audit|assessment|interview|loop|calibration|certification|exam|bar raiser|bar-raiser)|(?:manager|lead|director|skip|skip-level|committee|panel|board|vp|cto|head)(?:'s|s')? (?:review|feedback|sign-?off|approval|rating|assessment|confirmation|nomination|vote|verdict|say-so)|(?:reviewers?|peers?|team|reports?|mentees?|customers?|users|on-call|interns?|juniors?|stakeholders?)(?:'s|s')? (?:feedback|sign-?off|approval|rating|ratings|survey|confirmation|nomination|vote|verdict)|(?:feedback|rating|ratings|score|scores|review|reviews|survey|nps|assessment) (?:of|from|says|shows|above|at|of at least)|(?:rated|rating|rate me|rates me|assess me|assessed) (?:as |at )?(?:[lpe][1-9]|senior|staff|principal|meets|exceeds|strong)|(?:meets|exceeds|meeting|exceeding) (?:expectations|the bar|[lpe][1-9])|promotion (?:committee|panel|packet|case)|(?:beat|beats|beating|exceed|exceeds|exceeding|above|below|under|within|hit|hits|hitting|reach|reaches|reaching) (?:the |our )?(?:current |agreed )?(?:baseline|target|threshold|budget|slo|sla|goal|okr|kpi)|(?:cut|cutting|reduce|reducing|increase|increasing|halve|halving|double|doubling|improve|improving|drop|dropping|lower|lowering|raise|raising|grow|growing|lift|lifting)[a-z0-9' -]{0,40} (?:by \d+|in half|to (?:under |below |above )?\d+|from \d+|\d+ ?%|\d+ percent)|\d+ ?(?:%|percent) (?:faster|fewer|less|more|lower|higher|reduction|increase|improvement)|(?:under|below|above|over|at least|at most|less than|more than|fewer than) \d+(?:\.\d+)? ?(?:ms|milliseconds|s|seconds|minutes|mins|hours|%|percent|errors|incidents|pages|alerts|bugs|tickets)|p9[59]|(?:zero|no|fewer) (?:incidents|pages|sev[- ]?[1-3]s?|outages|regressions|escalations)|(?:report|reports|reporting|say|says|saying|confirm|confirms|confirming|agree|agrees) (?:that )?(?:faster|fewer|less|more|it|i|they|we|the)\b|(?:(?:i'm|i am|i'll be|she's|he's|they're|we're|i've got|i have got|she has got|he has got|it's|it is|it'll be|that's) (?:there|done|achieved|met|complete|successful|a success|ready)|(?:consider|count|call|mark) (?:it|this|that|the goal|myself|her|him|them) (?:as )?(?:achieved|done|met|complete|a success|successful|ready)?) (?:when|once|if|after)\b|(?:i'll|i will|we'll|we will|i'd|i would) (?:count|call|consider) (?:it|this|that)\b|(?:(?:manager|managers|mgr|mgrs|tl|em|boss|supervisor|lead|director|skip|skip-level|committee|panel|board|council|em|tl|vp|cto|head|sponsor|mentor|[a-z]+ lead|[a-z]+ manager)(?:'s|s')?\b[^.;]{0,40}?\b(?:says? yes|said yes|agreed|announces?|announced|adds? (?:me|him|her|them)|nominates?|puts? (?:me|him|her|them) (?:on|in|up|forward)|offers? (?:me|him|her|them)|hands? (?:me|him|her|them)|promotes? (?:me|him|her|them)|asks? (?:me|him|her|them)|picks? (?:me|him|her|them)))|(?:get|getting|take|taking|put|putting) (?:it|them|this|that|the [a-z-]+|my [a-z-]+|his [a-z-]+|her [a-z-]+)(?: [a-z-]+)? (?:through|past) (?:the |an? |our )?(?:[a-z-]+ ){0,2}(?:review|panel|committee|board|council|audit|assessment|loop)|(?:rises?|rising|goes|going|stays?|staying|climbs?|climbing|gets?|falls?|falling|drops?|dropping|remains?|keeps?) (?:above|below|under|over|beyond) (?:\d+(?:\.\d+)?\s*(?:/\s*\d+|%|ms|s\b|percent)?|zero)|\d+(?:\.\d+)?\s*(?:%|percent) of (?:the time|requests|builds|runs|users|traffic|releases|deploys|tickets|queries)|\d(?:\.\d)?\s*(?:/|out of)\s*(?:5|10)\b|(?:get|getting|have|having) (?:the |my |our |his |her |their )?(?:[a-z0-9-]+ ){0,3}?(?:to )?(?:approve|sign off on|sign off|accept|endorse|ratify|adopt|agree)\b|(?:get|getting|have|having|see|seeing) (?:\d+|two|three|four|five|other|the other|several|more) (?:[a-z-]+ ){0,2}?(?:teams?|labs?|squads?|companies|customers|users|services|projects|orgs?|groups|engineers) (?:running|using|adopting|on|to adopt|to use|depending on)\b|(?:will|would|should|to) (?:tell|show) (?:us|me|them|you|everyone)\b|(?:i'll|i will|we'll|we will|i'd|i would) (?:judge|assess|evaluate|decide|confirm|rate|sign off)\b|(?:zero|no|fewer) (?:[a-z0-9-]+ )?(?:p[0-3]s?|sev[- ]?[0-3]s?|incidents|outages|pages|regressions|escalations|rollbacks|defects|bugs)\b|(?:going|goes|go|drop|drops|dropping|fall|falls|falling|come|comes|get|gets|getting|down) (?:down )?to (?:zero|\d+(?:\.\d+)?\s*(?:%|ms|s\b|percent))|(?:is|are|be|will be|would be|as) (?:the|my|our|his|her|their) [a-z-]+ (?:evidence|proof|signal|measure|metric|bar|test|criteri(?:on|a)|indicator|benchmark|yardstick))",
    )
});

/// A span of time standing alone as a clause: "Backend to data engineering. 6 months."
pub(super) static BARE_SPAN: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[.;,|:=]\s*)((?:in |within |next |about |~)?{COUNT} {UNIT}(?: (?:max|tops|or so|ish|from now|out))?)\s*(?:[.;,|!?]|$)"
    ))
});

/// A topic at the head of a note, before a colon: "Rust: I want to review PRs with
/// confidence", "Technical writing: publish one post". The caller checks the head is no
/// label, time or pronoun and that a goal follows.
pub(super) static TOPIC_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^\s*(?:[-*]\s*)?((?:[a-z0-9+#/.'-]+ ){0,3}[a-z0-9+#/.'-]+)\s*[:;]\s*([a-z']+)")
});

/// A capability named as one's gap: "Negotiation is my weak spot", "distributed systems is
/// the gap in my skill set".
pub(super) static CAPABILITY_GAP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[.;:!?,] ?)\s*((?:[a-z0-9+#/-]+ ){0,2}[a-z0-9+#/-]+) (?:is|are|has been|remains|feels like) (?:my|the|a|our|her|his|their) (?:biggest |main |real |big |clear |one |obvious |known |current )?(?:weak spot|weak point|weakness|blind spot|gap|growth area|development area|area to grow|area for growth|focus area|capability i want|skill i want|thing i want to (?:get|be) (?:good|better))\b",
    )
});

/// A move onto another team, as where one wants to be: "join the integrations team as a
/// junior dev", "get onto the compiler team".
pub(super) static TEAM_MOVE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:join|joining|land a (?:permanent |full-time )?(?:spot|place|seat|role|position) on|get onto|getting onto|get on to|move onto|move to|moving to|transfer to|transferring to|transfer into|switch to|switching to|take (?:me|him|her|them) onto|rotate (?:in)?to)\s+(?:the|a|an)\s+((?:[a-z0-9+#/-]+\s+){1,3}?)(?:team|squad|org|tribe|department|committee|board|council)\b(?:\s+as\s+(?:a|an)\s+(?:[a-z-]+\s+){0,2}?[a-z]+)?",
    )
});

/// A clause that is a move between kinds of work: "Backend to data engineering", "support
/// -> engineering". The caller checks both sides are nouns.
pub(super) static AREA_MOVE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?:[-*]\s*)?(?:from\s+)?([a-z0-9+#/-]+(?:\s+[a-z0-9+#/-]+){0,2})\s+(?:to|into|->)\s+([a-z0-9+#/-]+(?:\s+[a-z0-9+#/-]+){0,2})\s*$",
    )
});

/// "the kind of", "a sort of": a type of person, not a place.
/// Who one is now, said in an introduction: "frontend engineer, 6 years", "Senior SWE
/// here", "Backend engineer (Python, 5 yrs)".
pub(super) static INTRODUCED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?:here\b|,?\s*\(?(?:~|about |over |almost |nearly )?\d+\+? ?(?:years?|yrs?|y)\b|\([^)]*\d+\+? ?(?:years?|yrs?)|with (?:~|about |over )?\d+\+? ?(?:years?|yrs?))",
    )
});
/// Years of experience after a role, which are no time frame: "engineer, ~8 years".
pub(super) static EXPERIENCE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:{ROLE}|swe|dev|developer|company|startup|agency|bank|firm|studio|consultancy|scale-up|scaleup|corp)(?:\s+here)?\s*[,(]\s*(?:[a-z0-9+#./-]+\s*[,/]\s*)*$|\b(?:been|for|with|have|has|had|spent)\s+$"
    ))
});
/// A move that names the role one arrives in: "end up as an ML platform engineer", "join a
/// product company as a staff-level platform engineer", "go freelance as a contractor",
/// "take on the engineering manager role".
pub(super) static MOVE_AS: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:end up|ending up|join|joining|relocate|relocating|move|moving|go|going|switch|switching|transfer|transferring|return|returning|come back|coming back|get hired|be hired|land a (?:job|role|position)|start|starting|rejoin|rejoining)\b[^.;:!?]{{0,60}}?\bas (?:a|an) ((?:[a-z0-9.+#/-]+ ){{0,3}}?(?:{ROLE}|contractor|freelancer|writer|collaborator|committer|researcher))\b|\b(?:take|taking|takes|step|stepping|steps) (?:on|into|up into) (?:the|a|an) ((?:[a-z0-9.+#/-]+ ){{1,3}}(?:role|position|title|seat))\b"
    ))
});
/// "become a capable technical writer", "become a Node.js core collaborator": a named kind
/// of practitioner as the aim, beyond the ladder's role words.
pub(super) static BECOME_AGENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:become|becoming|to be|be seen as|be known as) (?:a|an) ((?:[a-z0-9.+#/-]+ ){1,3}[a-z]+(?:er|or|ist|ian|ect))\b",
    )
});
/// Heads that name anyone, so a kind of them is no destination by itself ("a team player",
/// "a better engineer").
pub(super) static GENERIC_AGENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|\s)(?:player|worker|member|performer|achiever|learner|leader|engineer|developer|programmer|coder|contributor|teammate|helper)$|\b(?:better|more|good|great|best|nice|hard|solid|strong|stronger|well-rounded|rounded|valued|valuable|reliable)\b",
    )
});

/// Recognition of nothing in particular: "recognised for my work", "known as a leader".
pub(super) static RECOGNISED_VAGUELY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:known|recognised|recognized) (?:for|as) (?:(?:my|our|his|her|their|the) (?:work|efforts?|contributions?|job|hard work|impact)|someone|somebody|an? (?:leader|contributor|good|great|strong|hard|valuable|team|real)|leader|good|great|hard|it|that|this|them|an? (?:top|high|strong) performer)\b",
    )
});
/// A certification aimed at ("get my CKA", "pass the AWS SA Pro exam", "CKA certified"),
/// around an acronym written in capitals, in one of the slots `cert1` to `cert5` (the
/// caller checks the word there is one the statement writes in capitals).
pub(super) static CERTIFICATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:pass|passing|earn|earning|obtain|obtaining|achieve|achieving|clear|clearing) (?:my |the |an? |our |their |her |his )?(?P<cert1>[a-z][a-z0-9]{1,5})\b(?: [a-z]+){0,3}|\b(?:get|getting) (?:my |the |an? |our |their |her |his )?(?P<cert2>[a-z][a-z0-9]{1,5})(?: [a-z]+){0,2}? (?:exam|certified|certification|cert)\b|\bget (?:my |the |an? )?(?P<cert3>[a-z][a-z0-9]{1,5})(?:\s*(?:[.;,!\n]|$)|\s+(?:by|before|in|this|next)\b)|\b(?P<cert4>[a-z][a-z0-9]{1,5})(?: [a-z]+){0,2}? (?:certified|certification)\b|^\s*(?:[-*]\s*)?(?P<cert5>[a-z][a-z0-9]{1,5})\b[^.;\n]{0,20}?\b(?:by|before|in|this|next)\b",
    )
});
/// Passing a certification, written with its acronym in the slot `cert`.
pub(super) static CERTIFICATE_PASSED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:pass|passes|passing|passed) (?:the |my |an? |both )?(?P<cert>[a-z][a-z0-9]{1,5})\b")
});
/// A field left to be decided: "Target date: TBD", "Success measure: n/a".
pub(super) static UNDECIDED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^\s*(?:tbd|tbc|n/a|na|none|\?+|-+|todo|unknown|later)?\s*(?:[|.;,\n]|$)")
});

/// A measured outcome or a measure named as such: "at least 10x speedup", "≥5% faster",
/// "crash-free > 99.5%", "zero consumer-lag alerts", "acceptance counts as success", "the
/// dashboard is my scorecard", "validated when the growth team runs…", "buy-in from".
pub(super) static MEASURED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:\b\d+(?:\.\d+)?x|[≥≤<>] ?\d+(?:\.\d+)? ?(?:%|x\b|ms\b|s\b|minutes?\b|mins?\b|seconds?\b|h\b|hours?\b|days?\b)|\b\d+(?:\.\d+)? ?% (?:faster|speedup|speed-up|fewer|less|lower|higher|more throughput|improvement|reduction))(?: [a-z-]+){0,2}?(?: (?:speedup|speed-up|faster|throughput|improvement|reduction|fewer|less|smaller|cheaper|lower|higher|better))?|\bzero[- ](?:[a-z0-9-]+ ){0,2}?(?:alerts?|incidents?|pages|downtime|bugs|errors|regressions|outages|sev[0-9]s?|p[0-9]s?|escalations|rollbacks|violations|findings|data loss|defects|complaints)\b|\bcounts? as (?:a )?(?:success|a win|done|evidence|proof)\b|\b(?:is|as|be) (?:my|our|the) (?:scorecard|sanity check|acid test|litmus test)\b|\b(?:my|our) bar (?:is|will be|would be)\b|\bhow (?:i|we)(?:'d| would| will|'ll) (?:measure|judge|know)\b|\bwill (?:show|tell) (?:me |us )?(?:if|whether) it (?:worked|works)\b|\bvalidated (?:when|once|if|by)\b|\bgo/no-go\b|\bbuy-in from\b|\b(?:has|have|needs?) to (?:handle|hit|pass|serve|reach|sustain|stay under|stay below|survive)\b|\bis (?:the|my|our) (?:first |second |final |last )?(?:milestone|checkpoint)\b|\bfeedback in (?:my|the|our) (?:360|review|perf review|performance review|calibration)\b|\bcertif(?:y|ies|ied) (?:me|him|her|them)\b|\b(?:get|getting|have|having) (?:the |my |our )?(?:[a-z-]+ ){0,2}?[a-z]+'s (?:ok|okay|go-ahead|blessing|approval|thumbs up|sign-off)\b|\b(?:will|would|to) give (?:me )?(?:the|an|my|a) (?:evaluation|assessment|verdict|rating)\b|\b(?:evaluates?|evaluating) (?:me |it |my [a-z]+ )?(?:at|in|by|after|during)\b|\b(?:bar[- ]raiser|panel|committee|360|skip-level|calibration) feedback\b|\bask(?:ing)? (?:my |the |\d+ |two |three )?(?:[a-z-]+ ){0,2}?for (?:feedback|a review|their (?:view|take|verdict))\b|\b(?:that's|that is|that would be|that'll be|it's) (?:a |the )?(?:success|win|proof)\b|\b(?:mentor|lead|manager|mgr|tl|em|skip|director|reviewers?) (?:will|would) review\s*(?:[.;,!]|$)|\b(?:need|needs) to be convinced\b|\b(?:manager|skip|lead|mentor|em|tl)'s (?:read|verdict|take|view) on\b",
    )
});
/// A labelled field of evidence, at the head of a note's line or after a separator:
/// "Evidence: …", "| Success measure: …", "- judge: TL + EM".
pub(super) static EVIDENCE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|\n|[.;|] )\s*(?:[-*]\s*)?(?:(?:the|my|our) )?(?:evidence|proof|judge|judged by|measure|measured by|success|success measure|success metric|measure of success|success criteria|kpi|how measured|criteria|criterion|signal|check|done when|bar|who decides|decided by|signoff|sign-off|sign off|approver|approved by|know|how i'll know|how i will know|how will i know|how you'll know|pass|passed)(?: i'd look for| we'd look for| i want| we want)?\s*[:=-]|\b[a-z]+ meaning\s*:",
    )
});

/// What a success criterion says when it observes nothing: a feeling, a talk to come, the
/// work going well or getting done.
pub(super) static HOLLOW_CRITERION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:feel|feels|feeling|happy|conversation|discuss|discussion|talk about it|grows? a lot|great work|goes well|go well|lands well|gets? (?:fixed|done|written|finished|completed)|(?:is|are) (?:fixed|done|written|finished|completed))\b",
    )
});

pub(super) static KIND_OF: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:kind|sort|type) of\b"));
