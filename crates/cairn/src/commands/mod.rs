//! The subcommands, one file each; groups are folders.

mod aim;
mod assess;
mod backup;
mod check;
mod completions;
mod constraint;
mod convo;
mod decide;
mod demo;
mod edit;
mod evidence_flags;
mod export;
mod gap;
mod goal;
mod import;
mod inbox;
mod init;
mod ladder;
mod list;
mod log;
mod login;
mod man;
mod on_server;
mod other_ladder;
mod packet;
pub(crate) mod profile;
mod ready;
mod remind;
mod remote;
mod rep;
mod review;
mod rm;
mod search;
mod serve;
mod shape;
mod show;
mod signal;
mod suggest;
mod sync;
mod team;
mod team_demo;
mod token;
pub(crate) mod user;

use clap::Subcommand;

use crate::cli::Globals;

/// A `cairn` subcommand.
#[derive(Debug, Subcommand)]
pub enum Command {
    Init(init::Args),
    Log(log::Args),
    List(list::Args),
    Search(search::Args),
    Show(show::Args),
    Edit(edit::Args),
    Rm(rm::Args),
    Export(export::Args),
    Backup(backup::Args),
    Check(check::Args),
    #[command(subcommand)]
    Goal(goal::Command),
    #[command(subcommand)]
    Assess(assess::Command),
    Gap(gap::Args),
    Shape(shape::Args),
    Suggest(suggest::Args),
    #[command(subcommand)]
    Import(import::Command),
    Inbox(inbox::Args),
    Review(review::Args),
    Ready(ready::Args),
    #[command(subcommand)]
    Rep(rep::Command),
    #[command(subcommand)]
    Convo(convo::Command),
    #[command(subcommand)]
    Constraint(constraint::Command),
    Signal(signal::Args),
    Team(team::Args),
    Packet(packet::Args),
    Decide(decide::Args),
    #[command(subcommand)]
    Profile(profile::Command),
    Remind(remind::Args),
    Demo(demo::Args),
    Serve(serve::Args),
    #[command(subcommand)]
    Ladder(ladder::Command),
    #[command(subcommand)]
    User(user::Command),
    #[command(subcommand)]
    Token(token::Command),
    #[command(subcommand)]
    Remote(remote::Command),
    Login(login::Args),
    Sync(sync::Args),
    Status(sync::StatusArgs),
    Completions(completions::Args),
    Man(man::Args),
}

impl Command {
    /// True for `serve`.
    pub fn serves(&self) -> bool {
        matches!(self, Self::Serve(_))
    }

    /// Runs the command.
    pub async fn run(self, globals: &Globals) -> anyhow::Result<()> {
        match self {
            Self::Init(args) => init::run(args, globals).await,
            Self::Log(args) => log::run(args, globals).await,
            Self::List(args) => list::run(args, globals).await,
            Self::Search(args) => search::run(args, globals).await,
            Self::Show(args) => show::run(args, globals).await,
            Self::Edit(args) => edit::run(args, globals).await,
            Self::Rm(args) => rm::run(args, globals).await,
            Self::Export(args) => export::run(args, globals).await,
            Self::Backup(args) => backup::run(args, globals).await,
            Self::Check(args) => check::run(args, globals).await,
            Self::Goal(command) => command.run(globals).await,
            Self::Assess(command) => command.run(globals).await,
            Self::Gap(args) => gap::run(args, globals).await,
            Self::Shape(args) => shape::run(args, globals).await,
            Self::Suggest(args) => suggest::run(args, globals).await,
            Self::Import(command) => command.run(globals).await,
            Self::Inbox(args) => inbox::run(args, globals).await,
            Self::Review(args) => review::run(args, globals).await,
            Self::Ready(args) => ready::run(args, globals).await,
            Self::Rep(command) => command.run(globals).await,
            Self::Convo(command) => command.run(globals).await,
            Self::Constraint(command) => command.run(globals).await,
            Self::Signal(args) => signal::run(args, globals).await,
            Self::Team(args) => team::run(args, globals).await,
            Self::Packet(args) => packet::run(args, globals).await,
            Self::Decide(args) => decide::run(args, globals).await,
            Self::Profile(command) => command.run(globals).await,
            Self::Remind(args) => remind::run(args, globals).await,
            Self::Demo(args) => demo::run(args, globals).await,
            Self::Serve(args) => serve::run(args, globals).await,
            Self::Ladder(command) => command.run(globals).await,
            Self::User(command) => command.run(globals).await,
            Self::Token(command) => command.run(globals).await,
            Self::Remote(command) => command.run(globals).await,
            Self::Login(args) => login::run(args, globals).await,
            Self::Sync(args) => sync::run(args, globals).await,
            Self::Status(args) => sync::status(args, globals).await,
            Self::Completions(args) => completions::run(&args),
            Self::Man(args) => man::run(&args),
        }
    }
}
